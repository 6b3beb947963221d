package kg.vareg.backend.security;

import kg.vareg.backend.kernel.ActorRole;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import kg.vareg.backend.register.RegisterClock;
import kg.vareg.backend.support.BackendIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 15 items 1-2: one security configuration on every filter chain (API, pages, exchange, verifier) — login
 * throttling before any password is checked, and the rate limit after authentication, keyed on the principal else
 * the address, with counters in PostgreSQL shared by every instance. Low limits of its own; every test starts with
 * no buckets.
 */
@BackendIntegrationTest
@TestPropertySource(properties = {"vareg.test.keep-rate-limit=true",
        "vareg.security.rate-limit.capacity=5", "vareg.security.rate-limit.refill=1", "vareg.security.rate-limit.period=PT1H",
        "vareg.security.authenticated-rate-limit.capacity=8", "vareg.security.authenticated-rate-limit.refill=1",
        "vareg.security.authenticated-rate-limit.period=PT1H",
        "vareg.security.exchange-rate-limit.capacity=4", "vareg.security.exchange-rate-limit.refill=1",
        "vareg.security.exchange-rate-limit.period=PT1H",
        "vareg.security.login.max-failures-per-account=2", "vareg.security.login.max-failures-per-address=1000"})
class ChainSecurityIT {
    static final String TOKEN = "/api/v1/tokens/31337/0x00000000000000000000000000000000000000dd";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    UserAccounts users;
    @Autowired
    RegisterClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    Http http;
    Seed seed;

    @BeforeEach
    void setUp() {
        jdbc.update("DELETE FROM registry.rate_limit_bucket");
        http = new Http(port, json);
        seed = new Seed(http, users, clock);
    }

    private int okBefore429(Map<String, String> headers, String user, String path, int max) {
        for (int i = 0; i < max; i++) {
            var r = http.send(user, "GET", path, null, null, headers);
            if (r.status() == 429) {
                assertThat(r.text("type")).endsWith("/rate-limited");
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
                return i;
            }
            assertThat(r.status()).as(path + " " + r.body()).isBetween(200, 399);
        }
        return max;
    }

    @Test
    void apiChainAnonymousRequestsDoNotEscapeTheLimitByCarryingACredentialHeader() {
        // Neither header authenticates anyone here (no bearer tokens configured; API keys belong to the exchange API).
        var junk = Map.of("Authorization", "Bearer not-a-token", "X-Api-Key", "vrg_junk_junk");
        assertThat(okBefore429(junk, null, "/api/v1/public/register", 20)).isEqualTo(5);
        assertThat(http.get(null, "/api/v1/public/register").status()).isEqualTo(429);
    }

    @Test
    void apiChainSignedInUsersCountOnTheirOwnBucketSharedByEveryInstance() {
        assertThat(okBefore429(Map.of(), null, "/api/v1/public/register", 20)).isEqualTo(5);
        String registrar = seed.user(ActorRole.REGISTRAR, null);
        String other = seed.user(ActorRole.REGISTRAR, null);
        // The address is exhausted; the signed-in user is counted on their principal, with its own (higher) limit.
        var r = http.get(registrar, "/api/v1/public/register").expect(200);
        assertThat(r.status()).isEqualTo(200);
        assertThat(okBefore429(Map.of(), registrar, "/api/v1/emissions", 20)).isEqualTo(7);
        var limited = http.get(registrar, "/api/v1/emissions");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.text("detail")).contains("this account");
        http.get(other, "/api/v1/emissions").expect(200);
        // Another backend instance on the same database (a limiter of its own) sees the same, empty, bucket.
        RateLimiter secondInstance = new RateLimiters(dataSource).greedy("user", 8, 1, Duration.ofHours(1));
        assertThat(secondInstance.tryConsume(registrar)).isPresent();
        assertThat(secondInstance.tryConsume(other)).isEmpty();
    }

    @Test
    void apiChainThrottlesBasicLogins() {
        assertThrottled("/api/v1/emissions");
    }

    @Test
    void exchangeChainThrottlesBasicLoginsAndLimitsEachKey() {
        assertThrottled(TOKEN);
        String registrar = seed.user(ActorRole.REGISTRAR, null);
        String key = http.post(registrar, "/api/v1/exchange-keys", Map.of("exchangeName", "Limited Exchange")).expect(201).text("key");
        assertThat(okBefore429(Map.of("X-Api-Key", key), null, TOKEN, 20)).isEqualTo(4);
        // The key's bucket is its own: the anonymous address bucket is untouched.
        http.get(null, "/api/v1/public/register").expect(200);
    }

    @Test
    void verifierChainThrottlesBasicLogins() {
        assertThrottled("/api/v1/verifier/alerts");
    }

    /** Two wrong passwords for a staff account, then even the right one is refused with 429 on this chain. */
    private void assertThrottled(String path) {
        String victim = seed.user(ActorRole.SUPERVISOR, null);
        for (int i = 0; i < 2; i++) {
            var r = http.send(null, "GET", path, null, null, Map.of("Authorization", Http.basic(victim, "guess-" + i)));
            assertThat(r.status()).isEqualTo(401);
        }
        var blocked = http.get(victim, path);
        assertThat(blocked.status()).as(blocked.body()).isEqualTo(429);
        assertThat(blocked.text("type")).endsWith("/login-throttled");
    }

    @Test
    void pagesChainThrottlesTheLoginFormAndLimitsAnonymousPages() throws Exception {
        String victim = seed.user(ActorRole.REGISTRAR, null);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = formLogin(browser, victim, "guess-" + i);
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElse("")).contains("/login?error");
        }
        HttpResponse<String> blocked = formLogin(browser, victim, Http.PASSWORD);
        assertThat(blocked.statusCode()).as(blocked.body()).isEqualTo(429);

        jdbc.update("DELETE FROM registry.rate_limit_bucket");
        assertThat(okBefore429(Map.of(), null, "/register", 20)).isEqualTo(5);
    }

    private HttpResponse<String> formLogin(HttpClient browser, String user, String password) throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(http.base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page.body());
        if (!csrf.find()) csrf = Pattern.compile("value=\"([^\"]+)\"\\s+name=\"_csrf\"").matcher(page.body());
        assertThat(csrf.find(0)).as("the login form carries a CSRF token").isTrue();
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        return browser.send(HttpRequest.newBuilder(URI.create(http.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
