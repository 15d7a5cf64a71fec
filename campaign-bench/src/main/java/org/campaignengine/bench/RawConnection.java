package org.campaignengine.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection, as light as a load generator has to be: the bench shares the machine's
 * two cores with the service it drives, and Java's {@code HttpClient} (its selector thread, futures and
 * buffers) cost more CPU per request than a small service spends answering it, which pulls every service
 * down to the client's own limit (the CRUD baseline: about 440 creates/s through {@code HttpClient}, 1,040
 * through Apache's {@code ab}). This writes a request with blocking I/O and reads the status, the headers it
 * needs and the body (by {@code Content-Length} or chunked), nothing else. One thread uses it at a time.
 */
final class RawConnection implements AutoCloseable {

    record Response(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final int port;
    private final String authorization;
    private Socket socket;
    private BufferedOutputStream out;
    private InputStream in;

    RawConnection(int port, String authorization) {
        this.port = port;
        this.authorization = authorization;
    }

    Response send(String method, String path, byte[] json) throws IOException {
        if (socket == null) {
            open();
        }
        try {
            return exchange(method, path, json);
        } catch (IOException dropped) {
            // the server may close an idle keep-alive connection; one fresh try, as any client would
            close();
            open();
            return exchange(method, path, json);
        }
    }

    private Response exchange(String method, String path, byte[] json) throws IOException {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path)
                .append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(port).append("\r\nAccept: application/json\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        if (json != null) {
            head.append("Content-Type: application/json\r\n");
        }
        head.append("Content-Length: ").append(json == null ? 0 : json.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (json != null) {
            out.write(json);
        }
        out.flush();
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.equalsIgnoreCase("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                closing = value.equalsIgnoreCase("close");
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                 size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                copy(size, body);
                line();
            }
            line();
        } else if (length > 0) {
            copy(length, body);
        }
        if (closing) {
            close();
        }
        return new Response(status, body.toByteArray());
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(120_000);
        out = new BufferedOutputStream(socket.getOutputStream(), 8_192);
        in = new BufferedInputStream(socket.getInputStream(), 16_384);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the connection ended mid-response");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private void copy(long count, ByteArrayOutputStream to) throws IOException {
        byte[] buffer = new byte[8_192];
        long left = count;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new EOFException("the connection ended mid-body");
            }
            to.write(buffer, 0, read);
            left -= read;
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing: nothing more to do
            }
            socket = null;
        }
    }
}
