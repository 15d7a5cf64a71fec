package org.campaignengine.api.eventstore;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.SocketFactory;

/**
 * The PostgreSQL driver's sockets ({@code socketFactory=} in a test's JDBC URL), whose writes are counted: one
 * count for every connection opened with it, so a test counts only while its own connection is the only one
 * writing.
 */
public final class CountedSocketWrites extends SocketFactory {

    static final AtomicLong WRITES = new AtomicLong();

    @Override
    public Socket createSocket() {
        return new Socket() {
            @Override
            public OutputStream getOutputStream() throws IOException {
                return new FilterOutputStream(super.getOutputStream()) {
                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        WRITES.incrementAndGet();
                        out.write(bytes, offset, length);
                    }

                    @Override
                    public void write(int b) throws IOException {
                        WRITES.incrementAndGet();
                        out.write(b);
                    }
                };
            }
        };
    }

    @Override
    public Socket createSocket(String host, int port) {
        throw new UnsupportedOperationException("the driver asks for an unconnected socket");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
        throw new UnsupportedOperationException("the driver asks for an unconnected socket");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) {
        throw new UnsupportedOperationException("the driver asks for an unconnected socket");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
        throw new UnsupportedOperationException("the driver asks for an unconnected socket");
    }
}
