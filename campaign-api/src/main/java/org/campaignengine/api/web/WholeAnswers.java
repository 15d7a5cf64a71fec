package org.campaignengine.api.web;

import java.io.IOException;
import java.io.PrintWriter;

import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Answers sent whole. Spring MVC flushes every JSON answer as soon as it is written, so Tomcat sent the headers
 * and the body as a chunk in one socket write and the last, empty chunk in another. Flushes asked for while a
 * request is handled on its own thread are passed over here: Tomcat then sends the answer when the request ends,
 * in one write with its {@code Content-Length} (a body larger than Tomcat's buffer still goes out as the buffer
 * fills). Once a request has gone asynchronous (server-sent events, streamed exports) every flush goes through,
 * so a stream's events reach the caller as they are written.
 */
final class WholeAnswers extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new FlushWhenStreaming(request, response));
    }

    private static final class FlushWhenStreaming extends HttpServletResponseWrapper {

        private final HttpServletRequest request;
        private ServletOutputStream stream;
        private PrintWriter writer;

        FlushWhenStreaming(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        boolean streaming() {
            return request.isAsyncStarted();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                stream = new Stream(super.getOutputStream());
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                PrintWriter delegate = super.getWriter();
                writer = new PrintWriter(delegate) {
                    @Override
                    public void flush() {
                        if (streaming()) {
                            delegate.flush();
                        }
                    }
                };
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (streaming()) {
                super.flushBuffer();
            }
        }

        private final class Stream extends ServletOutputStream {

            private final ServletOutputStream delegate;

            Stream(ServletOutputStream delegate) {
                this.delegate = delegate;
            }

            @Override
            public void write(int b) throws IOException {
                delegate.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                delegate.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                if (streaming()) {
                    delegate.flush();
                }
            }

            @Override
            public void close() throws IOException {
                delegate.close();
            }

            @Override
            public boolean isReady() {
                return delegate.isReady();
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                delegate.setWriteListener(listener);
            }
        }
    }
}
