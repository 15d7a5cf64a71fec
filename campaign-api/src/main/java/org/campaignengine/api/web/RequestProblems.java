package org.campaignengine.api.web;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.campaignengine.api.web.input.RefusedValue;
import org.campaignengine.domain.campaign.InvalidCampaignInput.FieldError;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestCookieException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The engine's own problems for requests refused before any controller runs: an unknown path
 * ({@code no-such-path}), a method the path does not take ({@code method-not-allowed}), a body of a content
 * type it does not read ({@code unsupported-media-type}), an answer in no type the client accepts
 * ({@code not-acceptable}), and the words of a value Spring could not convert or found missing. Each names
 * what the client can send instead; none repeats Spring's own wording.
 */
final class RequestProblems {

    /** A path or header echoed in a detail is cut here: enough to recognise it, never a wall of text. */
    private static final int MAX_ECHO = 200;
    private static final String WRONG_FORM = RefusedValue.WRONG_FORM;

    private RequestProblems() {
    }

    /** The engine's problem for one of Spring's own refusals, or null when the engine has none of its own. */
    static ProblemDetail of(Exception e, WebRequest request) {
        if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            return noSuchPath(request);
        }
        if (e instanceof HttpRequestMethodNotSupportedException notSupported) {
            return methodNotAllowed(notSupported, request);
        }
        if (e instanceof HttpMediaTypeNotSupportedException unsupported) {
            return unsupportedMediaType(unsupported);
        }
        if (e instanceof HttpMediaTypeNotAcceptableException notAcceptable) {
            return notAcceptable(notAcceptable, request);
        }
        return null;
    }

    /** A request refused before it reached the API ({@code request-rejected}), with what was refused. */
    static ProblemDetail rejected(HttpStatusCode status, String detail) {
        return Problems.of(status, "request-rejected", "Request refused",
                "The request was refused before it reached the API: " + detail);
    }

    static ProblemDetail noSuchPath(WebRequest request) {
        return noSuchPath(method(request), path(request));
    }

    static ProblemDetail noSuchPath(String method, String path) {
        return Problems.of(HttpStatus.NOT_FOUND, "no-such-path", "No such path",
                "No endpoint answers " + clip(method) + " " + clip(path) + "; the API's paths are described at /v3/api-docs");
    }

    static ProblemDetail methodNotAllowed(HttpRequestMethodNotSupportedException e, WebRequest request) {
        List<String> allowed = e.getSupportedHttpMethods() == null ? List.of()
                : e.getSupportedHttpMethods().stream().map(HttpMethod::name).toList();
        ProblemDetail problem = Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                clip(e.getMethod()) + " is not allowed on " + path(request) + "; allowed: " + String.join(", ", allowed));
        problem.setProperty("allowedMethods", allowed);
        return problem;
    }

    static ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        List<String> accepted = types(e.getSupportedMediaTypes());
        String sent = e.getContentType() == null ? "A body without a Content-Type"
                : "Content-Type " + clip(e.getContentType().toString());
        ProblemDetail problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Unsupported media type", sent + " is not read here; send one of " + String.join(", ", accepted));
        problem.setProperty("acceptedMediaTypes", accepted);
        return problem;
    }

    static ProblemDetail notAcceptable(HttpMediaTypeNotAcceptableException e, WebRequest request) {
        List<String> acceptable = types(e.getSupportedMediaTypes());
        String asked = request.getHeader("Accept");
        ProblemDetail problem = Problems.of(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                "This answer cannot be given in " + (asked == null ? "the types asked for" : "Accept: " + clip(asked))
                        + (acceptable.isEmpty() ? "" : "; ask for one of " + String.join(", ", acceptable)));
        problem.setProperty("acceptableMediaTypes", acceptable);
        return problem;
    }

    /** What a path or query parameter takes, for a value Spring could not convert to it. */
    static FieldError mismatch(String name, Class<?> type) {
        if (type != null && type.isEnum()) {
            return FieldError.oneOf(name, java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name()).toList());
        }
        if (type == UUID.class) {
            return new FieldError(name, "must be a UUID such as " + new UUID(0x3f2504e04f8911d3L, 0x9a0c0305e82c3301L));
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return new FieldError(name, "must be a whole number");
        }
        return new FieldError(name, WRONG_FORM);
    }

    static FieldError missingValue(ServletRequestBindingException e) {
        if (e instanceof MissingRequestHeaderException header) {
            return new FieldError(header.getHeaderName(), "is a required header");
        }
        if (e instanceof MissingRequestCookieException cookie) {
            return new FieldError(cookie.getCookieName(), "is a required cookie");
        }
        return new FieldError("request", "lacks a value the endpoint requires");
    }

    /** Spring's refusal of a request without the body the endpoint requires. */
    static boolean bodyMissing(HttpMessageNotReadableException e) {
        return e.getMessage() != null && e.getMessage().startsWith("Required request body is missing");
    }

    private static List<String> types(Collection<MediaType> types) {
        return types == null ? List.of() : types.stream().map(MediaType::toString).distinct().toList();
    }

    private static String method(WebRequest request) {
        HttpServletRequest servlet = servlet(request);
        return servlet == null ? "this request" : clip(servlet.getMethod());
    }

    private static String path(WebRequest request) {
        HttpServletRequest servlet = servlet(request);
        return servlet == null ? "this path" : clip(servlet.getRequestURI());
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return request instanceof NativeWebRequest natives ? natives.getNativeRequest(HttpServletRequest.class) : null;
    }

    /** At most {@link #MAX_ECHO} characters, without control characters. */
    private static String clip(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX_ECHO ? clean.substring(0, MAX_ECHO) + "…" : clean;
    }
}
