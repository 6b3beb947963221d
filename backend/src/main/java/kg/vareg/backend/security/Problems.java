package kg.vareg.backend.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.MediaType;

/** problem+json written directly by filters (before Spring MVC). Texts are fixed: nothing from the request. */
public final class Problems {
    private Problems() {}

    public static void write(HttpServletResponse response, int status, String type, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"https://vareg.kg/problems/" + type + "\",\"title\":\"" + title + "\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\"}");
    }

    public static void tooMany(HttpServletResponse response, Duration retryAfter, String type, String detail) throws IOException {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        response.setHeader("Retry-After", Long.toString(seconds));
        write(response, 429, type, "Too many requests", detail + "; retry after " + seconds + " s");
    }
}
