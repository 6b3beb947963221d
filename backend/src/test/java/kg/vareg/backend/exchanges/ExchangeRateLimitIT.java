package kg.vareg.backend.exchanges;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import kg.vareg.backend.support.BackendIntegrationTest;
import kg.vareg.testsupport.TestChain;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Exchange API keys are rate-limited per key (not per address), and wrong keys are limited per address. */
@BackendIntegrationTest
@TestPropertySource(properties = {"vareg.verifier.scheduling=false",
        "vareg.security.exchange-rate-limit.capacity=3", "vareg.security.exchange-rate-limit.refill=3",
        "vareg.security.exchange-rate-limit.period=PT1H"})
class ExchangeRateLimitIT {
    @LocalServerPort
    int port;
    @Autowired
    ExchangeApiKeys keys;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String path = "/api/v1/tokens/" + TestChain.shared().chainId() + "/0x00000000000000000000000000000000000000cc";

    private HttpResponse<String> get(String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Api-Key", key).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void eachKeyHasItsOwnBucketAndAnEmptyBucketAnswers429WithRetryAfter() throws Exception {
        String first = keys.issue("First Exchange", "test-registrar").key();
        String second = keys.issue("Second Exchange", "test-registrar").key();
        for (int i = 0; i < 3; i++) {
            assertThat(get(first).statusCode()).as("request %d of the first key", i + 1).isEqualTo(200);
        }
        HttpResponse<String> refused = get(first);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("this API key sent too many requests");
        // Another key from the same address is not affected: the limit is per key.
        assertThat(get(second).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongKeysAreLimitedPerAddress() throws Exception {
        String wrong = "vrg_0123456789ab_" + "B".repeat(43);
        int unauthorized = 0;
        int refused = 0;
        for (int i = 0; i < 25; i++) {
            int status = get(wrong).statusCode();
            if (status == 401) unauthorized++;
            if (status == 429) refused++;
        }
        assertThat(unauthorized).isEqualTo(20);
        assertThat(refused).isEqualTo(5);
    }
}
