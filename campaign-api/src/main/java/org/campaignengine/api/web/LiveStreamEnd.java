package org.campaignengine.api.web;

import java.io.IOException;
import java.time.Duration;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Ends a live stream the node gives up: it fell a full buffer behind, or the node is stopping. Its client
 * is told to reconnect soon ({@code retry}, which an {@code EventSource} follows; with a comment saying
 * why for anyone reading the stream) and the response ends, so the client sees a clean end of the stream,
 * not a broken connection, and the request no longer holds up a stopping web server. A client already
 * gone ends the request with the failed write.
 */
final class LiveStreamEnd {

    static final Duration RECONNECT = Duration.ofSeconds(1);

    private LiveStreamEnd() {
    }

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
