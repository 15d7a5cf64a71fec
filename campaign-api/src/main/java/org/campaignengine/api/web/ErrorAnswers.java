package org.campaignengine.api.web;

import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The answer to a request refused before it reached the API (Spring Security's firewall refusing a path with
 * a semicolon or an encoded percent sign, period or backslash; a filter that failed), in place of Spring
 * Boot's error page: still {@code application/problem+json} with the engine's own types, never a stack, an
 * exception's name or the framework's wording. An unknown path is {@code no-such-path}; a server failure
 * {@code internal}; any other refusal {@code request-rejected}. Not part of the API's description: no client
 * calls it.
 */
@Hidden
@RestController
class ErrorAnswers implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = status(request);
        ProblemDetail problem;
        if (status == HttpStatus.NOT_FOUND) {
            Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            problem = RequestProblems.noSuchPath(request.getMethod(), path == null ? "this path" : path.toString());
        } else if (status.is5xxServerError()) {
            problem = Problems.of(status, "internal", "Internal error",
                    "The request could not be completed; the failure was logged");
        } else {
            problem = RequestProblems.rejected(status, "its method, path or headers hold what the engine does not "
                    + "take (such as an encoded control character, slash or backslash in the path)");
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer number ? HttpStatus.resolve(number) : null;
        return status == null || status.value() < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
