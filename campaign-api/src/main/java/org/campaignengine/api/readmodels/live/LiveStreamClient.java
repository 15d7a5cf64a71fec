package org.campaignengine.api.readmodels.live;

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What a live stream's client is sent besides the updates it sees: keep-alives, and the end of a stream
 * the node gives up.
 */
final class LiveStreamClient {

    static final Duration RECONNECT = Duration.ofSeconds(1);

    private LiveStreamClient() {
    }

    /**
     * {@code push} for every update but a keep-alive, which is written as a comment: a client that went away
     * is noticed when the write fails, its request ends, and the stream leaves the hub ({@link ClientGone}).
     */
    static Consumer<LiveUpdate> keptAlive(SseEmitter sse, Consumer<LiveUpdate> push) {
        return update -> {
            if (!(update instanceof LiveUpdate.KeepAlive)) {
                push.accept(update);
                return;
            }
            try {
                sse.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException gone) {
                throw gone(sse, gone);
            }
        };
    }

    /**
     * A write to the client failed: its request is ended with the error, and the stream is told to leave
     * the hub now rather than when (or if) the web server reports the broken connection.
     */
    static ClientGone gone(SseEmitter sse, Exception failure) {
        sse.completeWithError(failure);
        return new ClientGone(failure);
    }

    /**
     * Ends a stream the node gives up: it fell a full buffer behind, or the node is stopping. Its client is
     * told to reconnect soon ({@code retry}, which an {@code EventSource} follows, with a comment saying so
     * for anyone reading the stream) and the response ends, so the client sees a clean end of the stream,
     * not a broken connection, and the request no longer holds up a stopping web server. A client already
     * gone ends the request with the failed write.
     */
    static void end(SseEmitter sse) {
        try {
            sse.send(SseEmitter.event().reconnectTime(RECONNECT.toMillis()).comment("stream ends: reconnect"));
        } catch (IOException | IllegalStateException gone) {
            sse.completeWithError(gone);
            return;
        }
        sse.complete();
    }
}
