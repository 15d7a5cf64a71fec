package org.campaignengine.api.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.common.AxonTransientException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.campaignengine.api.EngineProperties;
import org.campaignengine.api.web.input.MalformedJson;
import org.campaignengine.api.web.input.RefusedValue;
import org.campaignengine.domain.campaign.CampaignOutOfScope;
import org.campaignengine.domain.campaign.InvalidCampaignInput;
import org.campaignengine.domain.campaign.InvalidCampaignInput.FieldError;
import org.campaignengine.domain.campaign.LifecycleViolation;
import org.campaignengine.domain.campaign.NotReadyForLaunch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Maps every refusal to the HTTP API's error contract, always {@code application/problem+json}; nothing
 * internal (stack, SQL, framework wording) reaches the client. Refusals teach: a value outside a closed set
 * names every allowed value ({@code errors: [{field, message, allowed}]}), a body that is not JSON says where
 * it broke ({@code line}, {@code column}), and requests refused before any controller get the engine's own
 * problems ({@link RequestProblems}: {@code no-such-path}, {@code method-not-allowed},
 * {@code unsupported-media-type}, {@code not-acceptable}). Bean Validation's violations (of a {@code @Valid}
 * body or a constrained parameter) are invalid input like any other ({@link ConstraintErrors}).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final EngineProperties properties;

    ProblemHandler(EngineProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler(LifecycleViolation.class)
    ProblemDetail conflict(LifecycleViolation e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "lifecycle-conflict", "Not allowed in this status",
                e.getMessage());
        problem.setProperty("currentStatus", e.currentStatus());
        problem.setProperty("allowedActions", e.allowedActions());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }

    @ExceptionHandler(NotReadyForLaunch.class)
    ProblemDetail notReady(NotReadyForLaunch e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "not-launch-ready",
                "The campaign is not ready to launch", e.getMessage());
        problem.setProperty("missing", e.missing());
        return problem;
    }

    @ExceptionHandler(InvalidCampaignInput.class)
    ProblemDetail invalid(InvalidCampaignInput e) {
        return badRequest(e.getMessage(), e.errors());
    }

    /** A campaign of another office is answered exactly as one that does not exist. */
    @ExceptionHandler({AggregateNotFoundException.class, CampaignOutOfScope.class})
    ProblemDetail notFound(Exception e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "No such campaign",
                "No campaign with that id exists");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrent(ConcurrencyException e) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-change", "Changed concurrently",
                "The campaign was changed by another request at the same moment; send the command again");
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            CannotCreateTransactionException.class, AxonTransientException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception e) {
        log.warn("store unavailable: {}", e.toString());
        return retryAfter(StoreUnavailable.RETRY_AFTER_SECONDS, StoreUnavailable.problem());
    }

    /** A command that found no turn on this node while the store answered (busy, not out of reach). */
    @ExceptionHandler(NodeBusy.class)
    ResponseEntity<ProblemDetail> busy(NodeBusy e) {
        log.warn("node busy: {}", e.getMessage());
        return retryAfter(NodeBusy.RETRY_AFTER_SECONDS, NodeBusy.problem());
    }

    /** A 503 {@code problem} that asks the client to come back in {@code seconds}. */
    private static ResponseEntity<ProblemDetail> retryAfter(String seconds, ProblemDetail problem) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, seconds)
                .body(problem);
    }

    /** A path or query value Spring could not convert: what the parameter takes, all of it for an enum. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badArgument(MethodArgumentTypeMismatchException e) {
        FieldError error = RequestProblems.mismatch(e.getName(), e.getRequiredType());
        return badRequest(error.field() + " " + error.message(), List.of(error));
    }

    /**
     * A header the firewall refuses is found when something first reads it, which may be Spring MVC copying the
     * headers for a body's converter: refused as the firewall refuses a path, not a server failure.
     */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e) {
        return RequestProblems.rejected(HttpStatus.BAD_REQUEST, "a header's name or value holds a control character "
                + "or one Unicode does not assign");
    }

    /** A store failure wrapped by the framework that carried it (a command or query bus) is still a 503. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (StoreUnavailable.causes(e)) {
            return unavailable(e);
        }
        log.error("unexpected failure", e);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Internal error", "The request could not be completed; the failure was logged"));
    }

    /**
     * A body that is not JSON says where it broke ({@code line}, {@code column}); one of the wrong shape names
     * the field, and for an enum every value it takes.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (RequestSizeLimit.causedByTooLarge(e)) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(RequestSizeLimit.problem(properties.http().maxRequestSize().toBytes()));
        }
        if (e.getCause() instanceof StreamReadException unreadable) {
            MalformedJson malformed = MalformedJson.of(unreadable);
            ProblemDetail problem = badRequest("body " + malformed.message(),
                    List.of(new FieldError("body", malformed.message())));
            if (malformed.line() > 0) {
                problem.setProperty("line", malformed.line());
                problem.setProperty("column", malformed.column());
            }
            return ResponseEntity.badRequest().body(problem);
        }
        FieldError error = new FieldError("body", "is not readable JSON of the expected shape");
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            error = new FieldError(RefusedValue.path(unknown, unknown.getPropertyName()), "is not a known property");
        } else if (e.getCause() instanceof JsonMappingException mapping) {
            error = RefusedValue.errorOf(RefusedValue.path(mapping, "body"), mapping);
        } else if (e.getCause() == null && RequestProblems.bodyMissing(e)) {
            error = new FieldError("body", "is required: a JSON object");
        }
        return ResponseEntity.badRequest().body(badRequest(error.field() + " " + error.message(), List.of(error)));
    }

    /**
     * Spring's own refusals (an unknown path, a method the path does not take, a content type it does not read
     * or answer in) carry the engine's problem instead of Spring's wording; every other body passes through.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemDetail own = RequestProblems.of(e, request);
        return super.handleExceptionInternal(e, own != null ? own : body, headers, status, request);
    }

    /**
     * A body whose fields break their constraints ({@code @Valid @RequestBody}): every mistake in one 400, each
     * at its path in the body ({@code records[1].messageId}).
     */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldError> errors = ConstraintErrors.of(e.getBindingResult(), e.getBindingResult().getTarget());
        return handleExceptionInternal(e, invalid(new InvalidCampaignInput(errors)), headers, HttpStatus.BAD_REQUEST,
                request);
    }

    /**
     * Path, query or body values that break the constraints declared on a handler's parameters: every mistake in
     * one 400, named as the request names them. A return value that breaks its own is the server's fault (500).
     */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        if (e.isForReturnValue() || !status.is4xxClientError()) {
            ResponseEntity<ProblemDetail> failure = unexpected(e);
            return ResponseEntity.status(failure.getStatusCode()).body(failure.getBody());
        }
        return handleExceptionInternal(e, invalid(new InvalidCampaignInput(ConstraintErrors.of(e))), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        FieldError error = new FieldError(e.getParameterName(), "is a required query parameter");
        return handleExceptionInternal(e, badRequest(error.field() + " " + error.message(), List.of(error)), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    /** A required header (or other request value) missing: 400 invalid input naming it. */
    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        FieldError error = RequestProblems.missingValue(e);
        return handleExceptionInternal(e, badRequest(error.field() + " " + error.message(), List.of(error)), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    /** 400 invalid input: {@code errors: [{field, message}]}, with {@code allowed} where the field takes only those. */
    private static ProblemDetail badRequest(String detail, List<FieldError> errors) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail);
        problem.setProperty("errors", errors.stream().map(ProblemHandler::entry).toList());
        return problem;
    }

    private static Map<String, Object> entry(FieldError error) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("field", error.field());
        entry.put("message", error.message());
        if (error.allowed() != null) {
            entry.put("allowed", error.allowed());
        }
        return entry;
    }
}
