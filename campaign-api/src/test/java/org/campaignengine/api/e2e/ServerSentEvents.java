package org.campaignengine.api.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A client of {@code GET /api/v1/stream}: collects the {@code data:} lines of named events as they arrive. */
final class ServerSentEvents implements AutoCloseable {

    record Event(String name, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile String retry;
    private final CompletableFuture<HttpResponse<Void>> response;

    ServerSentEvents(int port, String user, String password) {
        this(HttpClient.newHttpClient(), port, user, password);
    }

    /** A stream over {@code client}, so many streams can share one client's selector and threads. */
    ServerSentEvents(HttpClient client, int port, String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/stream"))
                .header("Authorization", "Basic " + basic).header("Accept", "text/event-stream").GET().build();
        String[] name = {"message"};
        response = client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(
                new java.util.concurrent.Flow.Subscriber<String>() {
                    @Override
                    public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                        subscription.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(String line) {
                        if (line.startsWith("event:")) {
                            name[0] = line.substring(6).trim();
                        } else if (line.startsWith("data:")) {
                            events.add(new Event(name[0], line.substring(5).trim()));
                        } else if (line.startsWith("retry:")) {
                            retry = line.substring(6).trim();
                        }
                    }

                    @Override
                    public void onError(Throwable throwable) {
                        ended.completeExceptionally(throwable);
                    }

                    @Override
                    public void onComplete() {
                        ended.complete(null);
                    }
                }));
    }

    /** The first event, waiting at most {@code atMost}, that matches; null if none came. */
    Event next(Duration atMost, Predicate<Event> matching) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        for (long left = atMost.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            Event event = events.poll(left, TimeUnit.NANOSECONDS);
            if (event != null && matching.test(event)) {
                return event;
            }
        }
        return null;
    }

    /** Completes when the server ended the response; fails if the connection broke instead. */
    CompletableFuture<Void> ended() {
        return ended;
    }

    /** The reconnection time the server last asked for ({@code retry:}, in ms), or null. */
    String retry() {
        return retry;
    }

    @Override
    public void close() {
        response.cancel(true);
    }
}
