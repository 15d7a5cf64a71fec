package org.campaignengine.api.web;

import java.util.List;
import java.util.Map;

import org.axonframework.common.AxonTransientException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.campaignengine.api.availability.StoreUnavailable;
import org.campaignengine.api.config.EngineProperties;
import org.campaignengine.domain.campaign.CampaignOutOfScope;
import org.campaignengine.domain.campaign.InvalidCampaignInput;
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
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Maps every refusal to the HTTP API's error contract; nothing internal (stack, SQL) reaches the client. */
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
        return badRequest(e.getMessage(), e.errors().stream()
                .map(err -> Map.of("field", err.field(), "message", err.message())).toList());
    }

    /** A campaign of another office is answered exactly as one that does not exist. */
    @ExceptionHandler({AggregateNotFoundException.class, CampaignNotFound.class, CampaignOutOfScope.class})
    ProblemDetail notFound(Exception e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "No such campaign",
                "No campaign with that id exists");
    }

    @ExceptionHandler(NotInHistory.class)
    ProblemDetail notInHistory(NotInHistory e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-in-history", "Not in the campaign's history", e.getMessage());
    }

    @ExceptionHandler(OfficeNotAllowed.class)
    ProblemDetail officeNotAllowed(OfficeNotAllowed e) {
        return Problems.of(HttpStatus.FORBIDDEN, "office-not-allowed", "Office not allowed", e.getMessage());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrent(ConcurrencyException e) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-change", "Changed concurrently",
                "The campaign was changed by another request at the same moment; send the command again");
    }

    @ExceptionHandler(BatchTooLarge.class)
    ProblemDetail tooLarge(BatchTooLarge e) {
        ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "batch-too-large", "Batch too large",
                e.getMessage());
        problem.setProperty("maxRecords", e.max);
        return problem;
    }

    @ExceptionHandler(ReadConsistency.ReadModelBehind.class)
    ProblemDetail behind(ReadConsistency.ReadModelBehind e) {
        return Problems.of(HttpStatus.GATEWAY_TIMEOUT, "read-model-behind", "Not caught up yet", e.getMessage());
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            CannotCreateTransactionException.class, AxonTransientException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception e) {
        log.warn("store unavailable: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, StoreUnavailable.RETRY_AFTER_SECONDS).body(StoreUnavailable.problem());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badArgument(MethodArgumentTypeMismatchException e) {
        return badRequest("'" + e.getName() + "' has a value of the wrong form",
                List.of(Map.of("field", e.getName(), "message", "has a value of the wrong form")));
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

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (RequestSizeLimit.causedByTooLarge(e)) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(RequestSizeLimit.problem(properties.http().maxRequestSize().toBytes()));
        }
        String field = "body";
        String message = "is not readable JSON of the expected shape";
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            field = SettingsJson.path(unknown, unknown.getPropertyName());
            message = "is not a known property";
        } else if (e.getCause() instanceof JsonMappingException mapping) {
            field = SettingsJson.path(mapping, "body");
            message = RefusedValue.reasonOf(mapping);
        }
        return ResponseEntity.badRequest().body(badRequest(field + " " + message,
                List.of(Map.of("field", field, "message", message))));
    }

    private static ProblemDetail badRequest(String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail);
        problem.setProperty("errors", errors);
        return problem;
    }
}
