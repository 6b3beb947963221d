package kg.vareg.backend.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kg.vareg.backend.support.BackendIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * The committed contract {@code docs/openapi.json} is exactly the document the backend serves (issue 18 item 1):
 * clients are generated from the committed file and the linter checks it, so it must not drift.
 *
 * <p>To regenerate after an API change: {@code ./mvnw -o -B -q -pl backend -am verify -Dit.test=OpenApiDocumentIT
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dvareg.openapi.write=true}, then commit docs/openapi.json.
 */
@BackendIntegrationTest
class OpenApiDocumentIT {
    static final Path COMMITTED = Path.of(System.getProperty("vareg.root", ".."), "docs", "openapi.json");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    /** Issue 18 item 3: the documentation UI, its configuration and the document need no password. */
    @Test
    void theDocumentationUiAndTheDocumentArePublic() throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> ui = anonymous.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).as(ui.uri() + " " + ui.body()).isEqualTo(200);
        assertThat(ui.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(ui.body()).containsIgnoringCase("swagger-ui");
        for (String path : java.util.List.of("/api/v1/openapi.json", "/api/v1/openapi.json/swagger-config",
                "/api/swagger-ui/swagger-initializer.js", "/api/swagger-ui/swagger-ui-bundle.js")) {
            HttpResponse<String> r = anonymous.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void committedDocumentEqualsTheServedOne() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/openapi.json")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode served = json.readTree(r.body());
        String pretty = json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(served) + "\n";
        if (Boolean.getBoolean("vareg.openapi.write")) {
            Files.writeString(COMMITTED, pretty, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(COMMITTED)).as("docs/openapi.json missing: regenerate it (see OpenApiDocumentIT)").isTrue();
        JsonNode committed = json.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        assertThat(committed)
                .as("docs/openapi.json differs from the served /api/v1/openapi.json; regenerate with -Dvareg.openapi.write=true"
                        + " (see OpenApiDocumentIT) and commit it")
                .isEqualTo(served);
    }
}
