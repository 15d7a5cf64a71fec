package org.campaignengine.api.openapi;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shape of every error answer (RFC 9457 problem details, {@code application/problem+json}), for the
 * OpenAPI description only: the engine writes them as Spring's {@code ProblemDetail}, whose extension
 * members are a map. Each extension is present only on the problem types that set it.
 */
@Schema(name = "Problem", description = "An error answer (RFC 9457 problem details), sent as "
        + "`application/problem+json`. `type` says which problem it is; the extension members are present only "
        + "on the types that set them.")
record ProblemSchema(
        @Schema(description = "Which problem this is (the list of types "
                + "below).", requiredMode = Schema.RequiredMode.REQUIRED,
                example = "urn:campaign-engine:problem:lifecycle-conflict")
        String type,
        @Schema(description = "A short, human-readable summary of the problem type.", example = "Not allowed in this "
                + "status")
        String title,
        @Schema(description = "The HTTP status code, "
                + "repeated.", example = "409", requiredMode = Schema.RequiredMode.REQUIRED)
        int status,
        @Schema(description = "What went wrong with this request, in words.",
                example = "Cannot pause a campaign that is PAUSED")
        String detail,
        @Schema(description = "The request path the problem occurred "
                + "at.", example = "/api/v1/campaigns/3f8e0c1a-5d7b-4f6e-9a2b-1c3d4e5f6a7b/pause")
        String instance,
        @Schema(description = "`invalid-input`: every mistake found in the request, one entry per field.")
        List<FieldErrorSchema> errors,
        @Schema(description = "`lifecycle-conflict`: the campaign's status when the command was refused.",
                example = "PAUSED")
        String currentStatus,
        @Schema(description = "`lifecycle-conflict`: the actions the current status allows.",
                example = "[\"resume\", \"stop\", \"complete\", \"archive\", \"clone\"]")
        List<String> allowedActions,
        @Schema(description = "`lifecycle-conflict`: the settings field that may not be edited in this status, "
                + "when that is the conflict.", example = "contactList")
        String field,
        @Schema(description = "`not-launch-ready`: the settings the campaign lacks before it can launch.",
                example = "[\"initialMessage\", \"startAt\"]")
        List<String> missing,
        @Schema(description = "`batch-too-large`: the most activity records one request may carry.", example = "1000")
        Integer maxRecords,
        @Schema(description = "`request-too-large`: the largest request body the engine reads, in bytes.",
                example = "1048576")
        Long maxBytes,
        @Schema(description = "`unknown-projection`: the names of the replayable read models.",
                example = "[\"status-index\", \"analytics\"]")
        List<String> projections,
        @Schema(description = "`unknown-processor`: the read models that keep dead letters.",
                example = "[\"status-index\"]")
        List<String> processors,
        @Schema(description = "`invalid-input` for a body that is not readable JSON: the line of the first "
                + "unreadable character (from 1).", example = "3")
        Integer line,
        @Schema(description = "`invalid-input` for a body that is not readable JSON: the column of the first "
                + "unreadable character (from 1).", example = "17")
        Integer column,
        @Schema(description = "`method-not-allowed`: the methods the path takes (as in the `Allow` header).",
                example = "[\"GET\"]")
        List<String> allowedMethods,
        @Schema(description = "`unsupported-media-type`: the content types the endpoint reads.",
                example = "[\"application/json\"]")
        List<String> acceptedMediaTypes,
        @Schema(description = "`not-acceptable`: the media types the endpoint answers in.",
                example = "[\"application/json\"]")
        List<String> acceptableMediaTypes) {

    @Schema(name = "FieldError", description = "One mistake in a request: the field (a JSON path into the body, "
            + "or a query parameter's name) and what is wrong with it.")
    record FieldErrorSchema(
            @Schema(description = "The field: a body path such as `records[2].type` or `contactList.id`, or a "
                    + "parameter name.", example = "records[2].type", requiredMode = Schema.RequiredMode.REQUIRED)
            String field,
            @Schema(description = "What is wrong with it.", example = "is required",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String message,
            @Schema(description = "The values the field takes, when it takes one of a fixed set.",
                    example = "[\"SMS\", \"VOICE\"]")
            List<String> allowed) {
    }
}
