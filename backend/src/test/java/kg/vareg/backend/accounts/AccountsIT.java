package kg.vareg.backend.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kg.vareg.backend.kernel.ActorRole;
import kg.vareg.backend.security.CurrentActor;
import kg.vareg.backend.security.Totp;
import kg.vareg.backend.security.UserAccounts;
import kg.vareg.backend.support.BackendIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Account administration through the real API and pages (issue 14): the bootstrap administrator creates staff and
 * issuer accounts with one-time passwords that must be changed first; bad input is a field-level 400 with nothing
 * written; only an administrator manages accounts, nobody changes their own role; a disabled account's Basic
 * credentials and page session stop at the next request; the TOTP factor is required once on; two administrators
 * disabling each other at once cannot both succeed; every change is in the account journal, without secrets.
 */
@BackendIntegrationTest
@TestPropertySource(properties = {"vareg.security.bootstrap-administrator.username=admin.one",
        "vareg.security.bootstrap-administrator.password=" + AccountsIT.ADMIN_PASSWORD})
class AccountsIT {
    static final String ADMIN_PASSWORD = "first administrator passphrase";
    static final String OWN_PASSWORD = "a passphrase of my own choosing";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserAccounts users;
    @Autowired
    AccountAdministration administration;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String base;
    private static int counter;

    @BeforeEach
    void setUp() {
        base = "http://localhost:" + port;
    }

    record Res(int status, String body, java.net.http.HttpHeaders headers) {}

    private Res call(String user, String password, String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (body != null) b.header("Content-Type", "application/json");
        if (user != null) b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Res(r.statusCode(), r.body(), r.headers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Res admin(String method, String path, Object body) {
        return call("admin.one", ADMIN_PASSWORD, method, path, body, Map.of());
    }

    private JsonNode node(Res r) {
        return json.readTree(r.body());
    }

    private static synchronized String name(String prefix) {
        return prefix + "." + (++counter) + "-" + UUID.randomUUID().toString().substring(0, 4);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM registry." + table, Long.class);
    }

    private String fieldError(Res r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode errors = node(r).path("errors");
        assertThat(errors.size()).as(r.body()).isEqualTo(1);
        return errors.get(0).path("field").asString();
    }

    private Map<String, Object> account(String username, String role, UUID issuerId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", username);
        m.put("role", role);
        if (issuerId != null) m.put("issuerId", issuerId.toString());
        return m;
    }

    /** Creates an account through the API and sets its own password; returns the user name. */
    private String ready(String role, UUID issuerId) {
        String username = name(role.toLowerCase());
        Res created = admin("POST", "/api/v1/accounts", account(username, role, issuerId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String oneTime = node(created).path("oneTimePassword").asString();
        Res changed = call(username, oneTime, "POST", "/api/v1/account/password",
                Map.of("currentPassword", oneTime, "newPassword", OWN_PASSWORD), Map.of());
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        return username;
    }

    private UUID issuer() {
        String registrar = name("bootstrap-registrar");
        users.create(registrar, OWN_PASSWORD, ActorRole.REGISTRAR, null);
        String code = UUID.randomUUID().toString().replace("-", "").substring(0, 4).toUpperCase();
        Res r = call(registrar, OWN_PASSWORD, "POST", "/api/v1/issuers", Map.of("kind", "LEGAL_ENTITY", "fullName", "Issuer " + code + " LLC",
                "legalForm", "limited liability company", "stateRegistrationData", "Ministry of Justice No. 77-" + code,
                "legalAddress", "Chui avenue 1, Bishkek", "issuerCode", code, "region", "BISHKEK"), Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return UUID.fromString(node(r).path("id").asString());
    }

    @Test
    void anAdministratorCreatesAccountsWithOneTimePasswordsThatMustBeChangedFirst() {
        String username = name("registrar");
        Res created = admin("POST", "/api/v1/accounts", account(username, "REGISTRAR", null));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        String oneTime = node(created).path("oneTimePassword").asString();
        assertThat(oneTime).hasSize(20);
        assertThat(node(created).path("account").path("mustChangePassword").asBoolean()).isTrue();
        String hash = jdbc.queryForObject("SELECT password_hash FROM registry.app_user WHERE username = ?", String.class, username);
        assertThat(hash).startsWith("{bcrypt}").doesNotContain(oneTime);

        // Until the one-time password is changed, the account can do nothing else.
        Res blocked = call(username, oneTime, "GET", "/api/v1/emissions", null, Map.of());
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(node(blocked).path("type").asString()).endsWith("password-change-required");
        Res weak = call(username, oneTime, "POST", "/api/v1/account/password", Map.of("currentPassword", oneTime, "newPassword", "short"), Map.of());
        assertThat(fieldError(weak)).isEqualTo("newPassword");
        Res wrongCurrent = call(username, oneTime, "POST", "/api/v1/account/password",
                Map.of("currentPassword", "not the password", "newPassword", OWN_PASSWORD), Map.of());
        assertThat(fieldError(wrongCurrent)).isEqualTo("currentPassword");
        assertThat(call(username, oneTime, "POST", "/api/v1/account/password",
                Map.of("currentPassword", oneTime, "newPassword", OWN_PASSWORD), Map.of()).status()).isEqualTo(204);
        assertThat(call(username, oneTime, "GET", "/api/v1/emissions", null, Map.of()).status()).as("old password").isEqualTo(401);
        assertThat(call(username, OWN_PASSWORD, "GET", "/api/v1/emissions", null, Map.of()).status()).isEqualTo(200);

        // The journal says who did what, never a secret.
        List<Map<String, Object>> events = jdbc.queryForList("SELECT actor, actor_role, action, details::text AS details"
                + " FROM registry.account_event WHERE target = ? ORDER BY id", username);
        assertThat(events).extracting(e -> e.get("action")).containsExactly("CREATED", "PASSWORD_CHANGED");
        assertThat(events.get(0).get("actor")).isEqualTo("admin.one");
        assertThat(events.get(0).get("actor_role")).isEqualTo("ADMINISTRATOR");
        assertThat(events.get(1).get("actor")).isEqualTo(username);
        String all = jdbc.queryForList("SELECT details::text FROM registry.account_event", String.class).toString();
        assertThat(all).doesNotContain(oneTime).doesNotContain(OWN_PASSWORD).doesNotContain("bcrypt");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM registry.journal WHERE convert_from(canonical_json, 'UTF8') LIKE ?",
                Long.class, "%" + username + "%")).as("not in the public log").isZero();
    }

    @Test
    void badInputIsAFieldLevelErrorAndNothingIsWritten() {
        UUID issuerId = issuer();
        String taken = ready("SUPERVISOR", null);
        long users = count("app_user");
        long events = count("account_event");

        assertThat(fieldError(admin("POST", "/api/v1/accounts", account(taken, "REGISTRAR", null)))).isEqualTo("username");
        assertThat(fieldError(admin("POST", "/api/v1/accounts", account("Bad Name!", "REGISTRAR", null)))).isEqualTo("username");
        assertThat(fieldError(admin("POST", "/api/v1/accounts", account(name("issuer"), "ISSUER", null)))).isEqualTo("issuerId");
        assertThat(fieldError(admin("POST", "/api/v1/accounts", account(name("issuer"), "ISSUER", UUID.randomUUID())))).isEqualTo("issuerId");
        assertThat(fieldError(admin("POST", "/api/v1/accounts", account(name("registrar"), "REGISTRAR", issuerId)))).isEqualTo("issuerId");
        assertThat(fieldError(admin("POST", "/api/v1/accounts", account(name("registrar"), null, null)))).isEqualTo("role");
        assertThat(fieldError(admin("POST", "/api/v1/accounts", account(name("system"), "SYSTEM", null)))).isEqualTo("role");
        Map<String, Object> weak = account(name("registrar"), "REGISTRAR", null);
        weak.put("password", "password1234");
        assertThat(fieldError(admin("POST", "/api/v1/accounts", weak))).isEqualTo("password");
        assertThat(fieldError(admin("POST", "/api/v1/accounts/nobody.here/disable", null))).isEqualTo("username");
        assertThat(fieldError(admin("POST", "/api/v1/accounts/nobody.here/reset-password", null))).isEqualTo("username");
        assertThat(admin("POST", "/api/v1/accounts/" + taken + "/disable", null).status()).isEqualTo(200);
        assertThat(fieldError(admin("POST", "/api/v1/accounts/" + taken + "/disable", null))).as("already disabled").isEqualTo("username");
        assertThat(fieldError(admin("POST", "/api/v1/accounts/" + taken + "/reset-password", null))).as("disabled").isEqualTo("username");

        assertThat(count("app_user")).isEqualTo(users);
        assertThat(count("account_event")).as("only the one disable").isEqualTo(events + 1);

        // An issuer account bound to its issuer works.
        Res issuerAccount = admin("POST", "/api/v1/accounts", account(name("issuer"), "ISSUER", issuerId));
        assertThat(issuerAccount.status()).as(issuerAccount.body()).isEqualTo(201);
        assertThat(node(issuerAccount).path("account").path("issuerId").asString()).isEqualTo(issuerId.toString());
    }

    @Test
    void onlyAnAdministratorManagesAccountsAndNobodyChangesTheirOwnRole() {
        String registrar = ready("REGISTRAR", null);
        String otherAdmin = ready("ADMINISTRATOR", null);
        long users = count("app_user");
        Res refused = call(registrar, OWN_PASSWORD, "POST", "/api/v1/accounts", account(name("x"), "ADMINISTRATOR", null), Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(call(registrar, OWN_PASSWORD, "PUT", "/api/v1/accounts/" + registrar + "/role", Map.of("role", "ADMINISTRATOR"), Map.of())
                .status()).isEqualTo(403);
        assertThat(call(registrar, OWN_PASSWORD, "GET", "/api/v1/accounts", null, Map.of()).status()).isEqualTo(403);
        assertThat(fieldError(call(otherAdmin, OWN_PASSWORD, "PUT", "/api/v1/accounts/" + otherAdmin + "/role",
                Map.of("role", "REGISTRAR"), Map.of()))).isEqualTo("role");
        assertThat(fieldError(call(otherAdmin, OWN_PASSWORD, "POST", "/api/v1/accounts/" + otherAdmin + "/disable", null, Map.of())))
                .isEqualTo("username");
        assertThat(count("app_user")).isEqualTo(users);
        assertThat(jdbc.queryForObject("SELECT role FROM registry.app_user WHERE username = ?", String.class, registrar)).isEqualTo("REGISTRAR");

        // Another administrator may change the role; the new role holds at the next request.
        Res changed = admin("PUT", "/api/v1/accounts/" + registrar + "/role", Map.of("role", "SUPERVISOR"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(call(registrar, OWN_PASSWORD, "GET", "/api/v1/account", null, Map.of()).body()).contains("\"role\":\"SUPERVISOR\"");
        assertThat(jdbc.queryForObject("SELECT details::text FROM registry.account_event WHERE target = ? AND action = 'ROLE_CHANGED'",
                String.class, registrar)).contains("\"from\": \"REGISTRAR\"").contains("\"role\": \"SUPERVISOR\"");
    }

    @Test
    void aDisabledAccountIsRefusedAtOnceOnTheApiAndInItsOpenSession() throws Exception {
        String registrar = ready("REGISTRAR", null);
        assertThat(call(registrar, OWN_PASSWORD, "GET", "/api/v1/emissions", null, Map.of()).status()).isEqualTo(200);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).isTrue();
        String form = "username=" + registrar + "&password=" + URLEncoder.encode(OWN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/login/next");
        HttpRequest console = HttpRequest.newBuilder(URI.create(base + "/console")).build();
        assertThat(browser.send(console, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        assertThat(admin("POST", "/api/v1/accounts/" + registrar + "/disable", null).status()).isEqualTo(200);

        HttpResponse<String> after = browser.send(console, HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).contains("/login?ended");
        assertThat(browser.send(console, HttpResponse.BodyHandlers.ofString()).headers().firstValue("Location").orElse(""))
                .as("the session is gone, not just refused once").endsWith("/login");
        assertThat(call(registrar, OWN_PASSWORD, "GET", "/api/v1/emissions", null, Map.of()).status()).isEqualTo(401);

        // Re-enabled: the same password works again; a reset issues a new one-time password and the old one stops.
        assertThat(admin("POST", "/api/v1/accounts/" + registrar + "/enable", null).status()).isEqualTo(200);
        assertThat(call(registrar, OWN_PASSWORD, "GET", "/api/v1/emissions", null, Map.of()).status()).isEqualTo(200);
        Res reset = admin("POST", "/api/v1/accounts/" + registrar + "/reset-password", null);
        String oneTime = node(reset).path("oneTimePassword").asString();
        assertThat(call(registrar, OWN_PASSWORD, "GET", "/api/v1/emissions", null, Map.of()).status()).isEqualTo(401);
        assertThat(call(registrar, oneTime, "GET", "/api/v1/emissions", null, Map.of()).status()).isEqualTo(403);
        assertThat(jdbc.queryForList("SELECT action FROM registry.account_event WHERE target = ? ORDER BY id", String.class, registrar))
                .containsExactly("CREATED", "PASSWORD_CHANGED", "DISABLED", "ENABLED", "PASSWORD_RESET");
    }

    @Test
    void onceTheSecondFactorIsOnEveryLoginNeedsTheCode() {
        String supervisor = ready("SUPERVISOR", null);
        String secret = Totp.newSecret();
        CurrentActor actor = new CurrentActor(supervisor, ActorRole.SUPERVISOR, Optional.empty());
        administration.enableTotp(actor, secret, Totp.code(secret, Instant.now()));
        assertThat(call(supervisor, OWN_PASSWORD, "GET", "/api/v1/emissions", null, Map.of()).status()).isEqualTo(401);
        assertThat(call(supervisor, OWN_PASSWORD, "GET", "/api/v1/emissions", null, Map.of("X-Vareg-Totp", "000000")).status())
                .isIn(401, 200).satisfies(s -> {
                    if (s == 200) assertThat(Totp.verify(secret, "000000", Instant.now())).isTrue();
                });
        assertThat(call(supervisor, OWN_PASSWORD, "GET", "/api/v1/emissions", null,
                Map.of("X-Vareg-Totp", Totp.code(secret, Instant.now()))).status()).isEqualTo(200);
        // An issuer account can never have the factor (staff only).
        String issuerUser = ready("ISSUER", issuer());
        CurrentActor issuerActor = new CurrentActor(issuerUser, ActorRole.ISSUER, Optional.empty());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> administration.enableTotp(issuerActor, secret, Totp.code(secret, Instant.now())))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void twoAdministratorsDisablingEachOtherAtOnceCannotBothSucceed() {
        String a = ready("ADMINISTRATOR", null);
        String b = ready("ADMINISTRATOR", null);
        // Leave a and b as the only enabled administrators.
        for (String other : jdbc.queryForList("SELECT username FROM registry.app_user WHERE role = 'ADMINISTRATOR' AND enabled"
                + " AND username NOT IN (?, ?)", String.class, a, b)) {
            assertThat(call(a, OWN_PASSWORD, "POST", "/api/v1/accounts/" + other + "/disable", null, Map.of()).status()).isEqualTo(200);
        }
        var first = CompletableFuture.supplyAsync(() -> call(a, OWN_PASSWORD, "POST", "/api/v1/accounts/" + b + "/disable", null, Map.of()));
        var second = CompletableFuture.supplyAsync(() -> call(b, OWN_PASSWORD, "POST", "/api/v1/accounts/" + a + "/disable", null, Map.of()));
        List<Integer> statuses = List.of(first.join().status(), second.join().status());
        try {
            // Exactly one wins. The loser is refused either as the last administrator (400, when its check ran after
            // the winner's commit) or as a disabled account (401, when its request was re-checked after it).
            assertThat(statuses).as(first.join().body() + " / " + second.join().body()).containsOnlyOnce(200);
            assertThat(statuses.stream().filter(st -> st != 200).findFirst().orElseThrow()).isIn(400, 401);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM registry.app_user WHERE role = 'ADMINISTRATOR' AND enabled", Long.class))
                    .isEqualTo(1);
        } finally {
            // The bootstrap administrator is enabled again by the survivor, for the other tests of this context.
            String survivor = statuses.get(0) == 200 ? a : b;
            assertThat(call(survivor, OWN_PASSWORD, "POST", "/api/v1/accounts/admin.one/enable", null, Map.of()).status()).isEqualTo(200);
        }
    }
}
