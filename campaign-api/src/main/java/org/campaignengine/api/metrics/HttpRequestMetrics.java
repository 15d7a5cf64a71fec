package org.campaignengine.api.metrics;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code http.server.requests}: every request's time, tagged as Spring Boot tags it ({@code uri} the route
 * template, {@code method}, {@code status}, {@code outcome}, {@code exception} and {@code error}), measured
 * without Micrometer's Observation API. Spring Boot's observation filter made a context, a long-task timer and
 * the tags anew for every request, about 4 % of a command's request thread; this one reads the clock twice and
 * finds its timer by those tags in a map. Streams (asynchronous requests) are timed until they end.
 */
final class HttpRequestMetrics extends OncePerRequestFilter {

    static final String NAME = "http.server.requests";
    /** The methods tagged by name; any other is {@code UNKNOWN}, as Spring Boot tags it. */
    private static final Set<String> STANDARD = Arrays.stream(HttpMethod.values()).map(HttpMethod::name)
            .collect(Collectors.toUnmodifiableSet());

    private record Series(String method, String uri, int status, String exception) {
    }

    private final MeterRegistry registry;
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    HttpRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        Throwable failure = null;
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException | Error e) {
            failure = e instanceof ServletException servlet && servlet.getRootCause() != null ? servlet.getRootCause() : e;
            throw e;
        } finally {
            if (failure == null && request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new WhenEnded(request, response, start));
            } else {
                // a request failing with an exception is answered 500 by the container after this filter
                record(request, failure != null ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus(),
                        failure, start);
            }
        }
    }

    private void record(HttpServletRequest request, int status, Throwable failure, long start) {
        long elapsed = System.nanoTime() - start;
        if (failure == null && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable error) {
            failure = error;
        }
        String exception = failure == null ? "none" : simpleName(failure.getClass());
        Series series = new Series(method(request), uri(request, status), status, exception);
        timers.computeIfAbsent(series, this::timer).record(elapsed, TimeUnit.NANOSECONDS);
    }

    private Timer timer(Series series) {
        return Timer.builder(NAME)
                .description("Duration of HTTP server request handling")
                .tag("method", series.method())
                .tag("uri", series.uri())
                .tag("status", Integer.toString(series.status()))
                .tag("outcome", Outcome.forStatus(series.status()).name())
                .tag("exception", series.exception())
                .tag("error", series.exception())
                .register(registry);
    }

    private static String method(HttpServletRequest request) {
        String method = request.getMethod();
        return STANDARD.contains(method) ? method : "UNKNOWN";
    }

    /** The route template Spring MVC matched; else what Spring Boot says for a request no route took. */
    private static String uri(HttpServletRequest request, int status) {
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern) {
            return pattern.isEmpty() ? "root" : pattern;
        }
        if (status >= 300 && status < 400) {
            return "REDIRECTION";
        }
        return status == HttpServletResponse.SC_NOT_FOUND ? "NOT_FOUND" : "UNKNOWN";
    }

    private static String simpleName(Class<?> type) {
        return type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
    }

    /** A stream is timed until it completes, fails or times out. */
    private final class WhenEnded implements AsyncListener {

        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final long start;

        WhenEnded(HttpServletRequest request, HttpServletResponse response, long start) {
            this.request = request;
            this.response = response;
            this.start = start;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            record(request, response.getStatus(), event.getThrowable(), start);
        }

        /** Timed in {@link #onComplete}, which the container calls after a timeout too. */
        @Override
        public void onTimeout(AsyncEvent event) {
        }

        /** Timed in {@link #onComplete}, which the container calls after an error too. */
        @Override
        public void onError(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
