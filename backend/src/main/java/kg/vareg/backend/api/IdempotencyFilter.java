package kg.vareg.backend.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Idempotency-Key on POSTs (draft IETF httpapi-idempotency-key-header): the first request with a key is
 * processed and its successful response stored; the same key with the same body replays that response; the
 * same key with a different body is 422; a key whose first request is still running is 409. Keys are scoped
 * per user. A failed first request frees its key so the client may retry.
 */
public class IdempotencyFilter extends OncePerRequestFilter {
    public static final String HEADER = "Idempotency-Key";
    private final JdbcTemplate jdbc;

    public IdempotencyFilter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                // Account answers carry one-time passwords: never stored for a replay (issue 14).
                || request.getRequestURI().startsWith(request.getContextPath() + "/api/v1/account");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > 255) {
            problem(response, 400, "invalid-request", "Invalid Idempotency-Key", "the Idempotency-Key must have 1 to 255 characters");
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String principal = auth == null ? "anonymous" : auth.getName();
        String methodPath = request.getMethod() + " " + request.getRequestURI();
        MessageDigest md = sha256();
        md.update(methodPath.getBytes(StandardCharsets.UTF_8));
        HttpServletRequest toProcess = request;
        String ct = request.getContentType();
        if (ct != null && ct.toLowerCase().startsWith("multipart/")) {
            // Parts are parsed and cached by the container; hashing them leaves them readable for the controller.
            for (Part p : request.getParts()) {
                md.update(p.getName().getBytes(StandardCharsets.UTF_8));
                if (p.getSubmittedFileName() != null) md.update(p.getSubmittedFileName().getBytes(StandardCharsets.UTF_8));
                md.update(p.getInputStream().readAllBytes());
            }
        } else {
            byte[] body = request.getInputStream().readAllBytes();
            md.update(body);
            toProcess = new CachedBody(request, body);
        }
        String hash = HexFormat.of().formatHex(md.digest());

        int inserted = jdbc.update("INSERT INTO registry.idempotency_record (principal, idem_key, request_hash, method_path)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", principal, key, hash, methodPath);
        if (inserted == 0) {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT request_hash, method_path, status, content_type, location, body"
                    + " FROM registry.idempotency_record WHERE principal = ? AND idem_key = ?", principal, key);
            if (rows.isEmpty()) {
                problem(response, 409, "idempotency-conflict", "Retry", "the earlier request with this Idempotency-Key just failed; retry");
                return;
            }
            Map<String, Object> row = rows.getFirst();
            if (!hash.equals(row.get("request_hash")) || !methodPath.equals(row.get("method_path"))) {
                problem(response, 422, "idempotency-key-reused", "Idempotency-Key reused",
                        "this Idempotency-Key was used for a different request; use a new key for a new request");
                return;
            }
            if (row.get("status") == null) {
                problem(response, 409, "idempotency-conflict", "Request in progress",
                        "the first request with this Idempotency-Key is still being processed");
                return;
            }
            response.setStatus((Integer) row.get("status"));
            if (row.get("content_type") != null) response.setContentType((String) row.get("content_type"));
            if (row.get("location") != null) response.setHeader("Location", (String) row.get("location"));
            response.setHeader("Idempotent-Replayed", "true");
            byte[] body = (byte[]) row.get("body");
            if (body != null) response.getOutputStream().write(body);
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(toProcess, wrapper);
            if (wrapper.getStatus() >= 200 && wrapper.getStatus() < 300) {
                // The change is committed: never free the key now, even if storing the answer fails (database gone
                // in between) — a freed key would let a retry make the change twice (docs/faults.md F1).
                stored = true;
                jdbc.update("UPDATE registry.idempotency_record SET status = ?, content_type = ?, location = ?, body = ?"
                                + " WHERE principal = ? AND idem_key = ?", wrapper.getStatus(), wrapper.getContentType(),
                        wrapper.getHeader("Location"), wrapper.getContentAsByteArray(), principal, key);
            }
        } finally {
            try {
                if (!stored) {
                    jdbc.update("DELETE FROM registry.idempotency_record WHERE principal = ? AND idem_key = ?", principal, key);
                }
            } finally {
                // The client gets the real answer even when the key's record could not be updated.
                wrapper.copyBodyToResponse();
            }
        }
    }

    private static void problem(HttpServletResponse response, int status, String type, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"" + ProblemHandler.TYPE_BASE + type + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener l) { throw new UnsupportedOperationException(); }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() { return body.length; }

        @Override
        public long getContentLengthLong() { return body.length; }
    }
}
