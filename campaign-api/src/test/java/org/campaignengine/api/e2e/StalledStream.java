package org.campaignengine.api.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A client of {@code GET /api/v1/stream} that stops reading: a raw socket with a small receive window that
 * sends its request and reads nothing until asked, as a dashboard on a stalled network would.
 */
final class StalledStream implements AutoCloseable {

    private static final String LAST_CHUNK = "\r\n0\r\n\r\n";

    private final Socket socket = new Socket();

    StalledStream(int port, String user, String password) throws IOException {
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().write(("GET /api/v1/stream HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nAuthorization: Basic " + basic + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /**
     * Reads what the server had sent, at last: true if the response ended (its last chunk, or the connection
     * closed) within {@code atMost}.
     */
    boolean endsWithin(Duration atMost) throws IOException {
        long deadline = System.nanoTime() + atMost.toNanos();
        socket.setSoTimeout(200);
        InputStream in = socket.getInputStream();
        String tail = "";
        byte[] chunk = new byte[8192];
        while (System.nanoTime() < deadline) {
            try {
                int read = in.read(chunk);
                if (read < 0) {
                    return true;
                }
                tail += new String(chunk, 0, read, StandardCharsets.US_ASCII);
                if (tail.endsWith(LAST_CHUNK)) {
                    return true;
                }
                tail = tail.substring(Math.max(0, tail.length() - LAST_CHUNK.length()));
            } catch (SocketTimeoutException nothingYet) {
                // keep reading until the deadline
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
