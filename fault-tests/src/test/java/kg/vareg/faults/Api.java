package kg.vareg.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP to a backend process (java.net.http), Basic auth per call. */
final class Api {
    static final ObjectMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String base;

    Api(String base) {
        this.base = base;
    }

    /** An answer, or {@code status == -1} when the connection failed or timed out (body = the exception's text). */
    record Answer(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String contentType() {
            return headers == null ? "" : headers.firstValue("Content-Type").orElse("");
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    Answer send(Account who, String method, String path, Object body, Map<String, String> headers) {
        String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
        if (text != null) {
            b.header("Content-Type", "application/json");
        }
        if (who != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((who.username() + ":" + who.password()).getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            return new Answer(-1, e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    Answer get(Account who, String path) {
        return send(who, "GET", path, null, Map.of());
    }

    record Account(String username, String password) {}
}
