package kg.vareg.backend.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code vareg.api.max-json-body-bytes} with 413 problem+json — by the declared
 * Content-Length, and by counting when the body is chunked. JSON and every other type alike (issue 15 item 8: a body
 * of any type may be read in full, e.g. by {@link IdempotencyFilter} to hash it); only multipart uploads have their
 * own limits ({@code spring.servlet.multipart.*}). A chunked form post (which no browser sends) is refused with 411:
 * the container parses form parameters itself, so it must know the length.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class JsonBodyLimitFilter extends OncePerRequestFilter {
    private final long limit;

    JsonBodyLimitFilter(@Value("${vareg.api.max-json-body-bytes:65536}") long limit) {
        this.limit = limit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String ct = request.getContentType();
        return ct != null && ct.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(response);
            return;
        }
        if (declared < 0 && isForm(request)) {
            response.setStatus(411);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"" + ProblemHandler.TYPE_BASE + "length-required\",\"title\":\"Length required\","
                    + "\"status\":411,\"detail\":\"a form body needs a Content-Length\"}");
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") == null) {
            chain.doFilter(request, response); // no body at all
            return;
        }
        if (declared < 0) {
            // Chunked (no Content-Length): read at most limit + 1 bytes here, so an oversized body gets the same 413
            // as a declared one — counting later, inside the JSON reader, would surface as a 400 "unreadable body".
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                tooLarge(response);
                return;
            }
            chain.doFilter(new Buffered(request, body), response);
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    private static boolean isForm(HttpServletRequest request) {
        String ct = request.getContentType();
        return ct != null && ct.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        response.setStatus(413);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"" + ProblemHandler.TYPE_BASE + "payload-too-large\",\"title\":\"Payload too large\","
                + "\"status\":413,\"detail\":\"a request body may have at most " + limit + " bytes\"}");
    }

    /** A chunked body read in full (within the limit), served again to the rest of the chain. */
    private static final class Buffered extends HttpServletRequestWrapper {
        private final byte[] body;

        Buffered(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener l) { throw new UnsupportedOperationException("blocking body"); }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            String enc = getCharacterEncoding();
            java.nio.charset.Charset cs = enc == null ? java.nio.charset.StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(enc);
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), cs));
        }

        @Override
        public int getContentLength() { return body.length; }

        @Override
        public long getContentLengthLong() { return body.length; }
    }

    /** Counts bytes of a body with a declared Content-Length (never more than declared is read). */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    long count;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0 && ++count > limit) throw new PayloadTooLargeException(limit);
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        if (n > 0 && (count += n) > limit) throw new PayloadTooLargeException(limit);
                        return n;
                    }

                    @Override public boolean isFinished() { return in.isFinished(); }
                    @Override public boolean isReady() { return in.isReady(); }
                    @Override public void setReadListener(ReadListener l) { in.setReadListener(l); }
                };
            }
            return stream;
        }
    }

    static final class PayloadTooLargeException extends IOException {
        PayloadTooLargeException(long limit) {
            super("a request body may have at most " + limit + " bytes");
        }
    }
}
