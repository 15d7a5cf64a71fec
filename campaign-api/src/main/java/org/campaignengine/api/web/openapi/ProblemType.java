package org.campaignengine.api.web.openapi;

import org.springframework.http.HttpStatus;

/**
 * Every {@code type} a problem answer can carry, with its status and what it means, as the OpenAPI
 * description lists them. The engine's own types are URNs; the plain 401 and 403 of the security layer
 * carry {@code about:blank}, as RFC 9457 has it for a problem that is no more than its status.
 */
public enum ProblemType {
    INVALID_INPUT("invalid-input", HttpStatus.BAD_REQUEST,
            "A parameter or body field is missing, malformed, out of range or unknown; `errors` lists each "
                    + "mistake as `{field, message}`, with `allowed` when the field takes one of a fixed set of "
                    + "values, and `line`/`column` locate a body that is not readable JSON."),
    INVALID_IDEMPOTENCY_KEY("invalid-idempotency-key", HttpStatus.BAD_REQUEST,
            "The `Idempotency-Key` header is not 1 to 200 visible ASCII characters."),
    UNAUTHENTICATED("about:blank", HttpStatus.UNAUTHORIZED,
            "No credentials, or wrong ones: HTTP Basic with an account the engine keeps, a Bearer JWT of "
                    + "the configured issuer, or the cookie of a browser session that has not ended. The "
                    + "`WWW-Authenticate` header names the schemes, except for a browser's request (one with "
                    + "`X-Requested-With: XMLHttpRequest` or a session cookie) and a refused sign-in."),
    NOT_ALLOWED("about:blank", HttpStatus.FORBIDDEN,
            "The account's role may not call this endpoint, whatever the campaign."),
    INVALID_CSRF_TOKEN("invalid-csrf-token", HttpStatus.FORBIDDEN,
            "A request signed in by a browser session's cookie changes something (POST, PUT, PATCH, DELETE) "
                    + "without the session's CSRF token in `X-CSRF-TOKEN`, or with another; nothing was changed. "
                    + "Requests with Basic or Bearer credentials and no session need no token."),
    OFFICE_NOT_ALLOWED("office-not-allowed", HttpStatus.FORBIDDEN,
            "The request names an office outside the caller's offices (a new campaign's, or an office "
                    + "edit)."),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND,
            "No campaign with that id: unknown, deleted, or of an office the caller does not see (answered "
                    + "exactly alike); for accounts, no account with that username."),
    NOT_IN_HISTORY("not-in-history", HttpStatus.NOT_FOUND,
            "The campaign exists, but not at the instant or version asked for (it did not exist yet, or has "
                    + "no such version)."),
    UNKNOWN_PROJECTION("unknown-projection", HttpStatus.NOT_FOUND,
            "No replayable read model has that name; `projections` lists those that do."),
    UNKNOWN_PROCESSOR("unknown-processor", HttpStatus.NOT_FOUND,
            "No read model of that name keeps dead letters; `processors` lists those that do."),
    UNKNOWN_DEAD_LETTER("unknown-dead-letter", HttpStatus.NOT_FOUND,
            "The read model holds no dead letters for that sequence."),
    UNKNOWN_EVENT_PROCESSOR("unknown-event-processor", HttpStatus.NOT_FOUND,
            "No event processor has that name; `processors` lists those that do."),
    UNKNOWN_SEGMENT("unknown-segment", HttpStatus.NOT_FOUND,
            "The event processor has no segment of that id; `segments` lists those it has."),
    REQUEST_REJECTED("request-rejected", HttpStatus.BAD_REQUEST,
            "A request refused before it reaches the API, such as a path with an encoded `;`, `/`, NUL or `..`; "
                    + "sent with the status of the refusal (usually 400)."),
    NO_SUCH_PATH("no-such-path", HttpStatus.NOT_FOUND,
            "No endpoint answers at this path."),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED,
            "The path exists, but not with this HTTP method; the `Allow` header lists the methods it takes."),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE,
            "The `Accept` header admits none of the media types the endpoint answers in."),
    LIFECYCLE_CONFLICT("lifecycle-conflict", HttpStatus.CONFLICT,
            "The action is not allowed in the campaign's current status, a field may not be edited in it "
                    + "(named in `field`), or the campaign's channel lacks the command; `currentStatus` and "
                    + "`allowedActions` say what is possible now."),
    CONCURRENT_CHANGE("concurrent-change", HttpStatus.CONFLICT,
            "Another request changed the campaign at the same moment; send the command again."),
    IDEMPOTENCY_KEY_IN_PROGRESS("idempotency-key-in-progress", HttpStatus.CONFLICT,
            "A request with this `Idempotency-Key` is still being processed; retry shortly."),
    ACCOUNT_EXISTS("account-exists", HttpStatus.CONFLICT,
            "An account with that username exists already."),
    OWN_ACCOUNT("own-account", HttpStatus.CONFLICT,
            "An account cannot disable itself."),
    SEGMENT_REFUSED("segment-refused", HttpStatus.CONFLICT,
            "The segment was not split, merged or released: this node does not hold it (`owner` names the node "
                    + "that does), the processor is not running here, it has no segment to merge with, or Axon "
                    + "refused or did not finish in time; `reason` says which. Nothing was changed."),
    BATCH_TOO_LARGE("batch-too-large", HttpStatus.PAYLOAD_TOO_LARGE,
            "The activity batch has more records than the engine takes at once; `maxRecords` is the limit."),
    REQUEST_TOO_LARGE("request-too-large", HttpStatus.PAYLOAD_TOO_LARGE,
            "The request body is larger than the engine reads; `maxBytes` is the limit."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "The body's `Content-Type` is not one the endpoint reads (JSON bodies are `application/json`)."),
    NOT_LAUNCH_READY("not-launch-ready", HttpStatus.UNPROCESSABLE_ENTITY,
            "The request is well formed but the campaign is not ready for it (schedule or launch of a "
                    + "campaign that is not launch-ready); `missing` names the settings it lacks."),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_ENTITY,
            "This `Idempotency-Key` was already used by this caller for a different request."),
    TOO_MANY_FAILED_LOGINS("too-many-failed-logins", HttpStatus.TOO_MANY_REQUESTS,
            "Too many failed logins for this account from this address; `Retry-After` says when to try again."),
    INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR,
            "An unexpected failure; it was logged, and nothing internal is shown. Never the answer to bad input."),
    NO_TAMPER_EVIDENCE("no-tamper-evidence", HttpStatus.NOT_IMPLEMENTED,
            "Tamper evidence needs the engine's own JDBC event store; with Axon Server keeping the events "
                    + "there are no chains to show or verify."),
    STORE_UNAVAILABLE("store-unavailable", HttpStatus.SERVICE_UNAVAILABLE,
            "The database is out of reach; nothing was changed. Retry after the `Retry-After` seconds."),
    NODE_BUSY("node-busy", HttpStatus.SERVICE_UNAVAILABLE,
            "This node ran as many commands at once as it may for longer than the connection timeout while the "
                    + "database answered; nothing was changed. Retry after the `Retry-After` seconds (1)."),
    IDENTITY_PROVIDER_UNAVAILABLE("identity-provider-unavailable", HttpStatus.SERVICE_UNAVAILABLE,
            "A Bearer token could not be checked because the JWT issuer's keys are out of reach; retry later."),
    READ_MODEL_BEHIND("read-model-behind", HttpStatus.GATEWAY_TIMEOUT,
            "With `minVersion`, the read model had not caught up to that version of the campaign within the "
                    + "bounded wait; ask again.");

    /** The prefix of the engine's own problem types. */
    public static final String PREFIX = "urn:campaign-engine:problem:";

    private final String type;
    private final HttpStatus status;
    private final String meaning;

    ProblemType(String name, HttpStatus status, String meaning) {
        this.type = name.contains(":") ? name : PREFIX + name;
        this.status = status;
        this.meaning = meaning;
    }

    /** The value of the problem's {@code type} member. */
    public String type() {
        return type;
    }

    public HttpStatus status() {
        return status;
    }

    public String meaning() {
        return meaning;
    }
}
