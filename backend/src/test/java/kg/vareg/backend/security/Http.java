package kg.vareg.backend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Real HTTP against the running backend for the security tests (Basic auth per call). */
final class Http {
    static final String PASSWORD = "correct horse battery staple";
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final String base;
    private final ObjectMapper json;

    Http(int port, ObjectMapper json) {
        this.base = "http://localhost:" + port;
        this.json = json;
    }

    record Response(int status, String body, java.net.http.HttpHeaders headers, ObjectMapper json) {
        JsonNode node() {
            return json.readTree(body);
        }

        String text(String field) {
            return node().path(field).asString();
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        Response expect(int expected) {
            assertThat(status).as(body).isEqualTo(expected);
            return this;
        }
    }

    ObjectMapper json() {
        return json;
    }

    Response send(String user, String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) b.header("Content-Type", contentType);
        if (user != null) b.header("Authorization", basic(user, PASSWORD));
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers(), json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Response post(String user, String path, Object body) {
        return send(user, "POST", path, body == null ? null : "application/json",
                body == null ? null : json.writeValueAsBytes(body), Map.of());
    }

    Response postRaw(String user, String path, String raw) {
        return send(user, "POST", path, "application/json", raw.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    Response get(String user, String path) {
        return send(user, "GET", path, null, null, Map.of());
    }

    Response upload(String user, String path, String kind, String fileName, String declaredType, byte[] content) {
        String boundary = "vareg" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        if (kind != null) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n").append(kind).append("\r\n");
        }
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"").append(fileName)
                .append("\"\r\nContent-Type: ").append(declaredType).append("\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + content.length + tail.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(content, 0, all, h.length, content.length);
        System.arraycopy(tail, 0, all, h.length + content.length, tail.length);
        return send(user, "POST", path, "multipart/form-data; boundary=" + boundary, all, Map.of());
    }
}
