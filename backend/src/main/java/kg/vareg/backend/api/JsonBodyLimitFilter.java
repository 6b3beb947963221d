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
 * Refuses JSON bodies larger than {@code vareg.api.max-json-body-bytes} with 413 problem+json — by the declared
 * Content-Length, and by counting when the body is chunked. (Multipart uploads have their own limits.)
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
        return ct == null || !ct.toLowerCase().contains("json");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            tooLarge(response);
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        response.setStatus(413);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"" + ProblemHandler.TYPE_BASE + "payload-too-large\",\"title\":\"Payload too large\","
                + "\"status\":413,\"detail\":\"a JSON request body may have at most " + limit + " bytes\"}");
    }

    /** Counts bytes of a body without a (truthful) Content-Length. */
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
            super("a JSON request body may have at most " + limit + " bytes");
        }
    }
}
