package kg.vareg.backend.security;

import kg.vareg.backend.kernel.ActorRole;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import kg.vareg.backend.register.RegisterClock;
import kg.vareg.backend.support.BackendIntegrationTest;
import kg.vareg.common.logstore.LogIntegrator;
import kg.vareg.ledger.checkpoint.Checkpoint;
import kg.vareg.ledger.checkpoint.NoteSigner;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * ¶66: founders' and other personal data appear in no public page, API, journal entry or log line. Seeds a register
 * with distinctive private values through the real API (issuer private data, private documents whose bytes carry
 * them, a registered emission), integrates the journal into the public log, then CRAWLS without login every GET
 * endpoint of the OpenAPI document (path and query parameters filled from the register's own identifiers) and every
 * page and link it finds, checks every journal row's canonical JSON and every captured log line, and fails naming
 * the place where a private value appears.
 */
@BackendIntegrationTest
@TestPropertySource(properties = "vareg.clock.adjustable=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivateDataCrawlIT {
    static final String TAG = "Q" + Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36).substring(0, 6).toUpperCase();
    static final List<String> PRIVATE = List.of(
            "Zarina Privatova " + TAG, "Азамат Тайнов " + TAG,            // founders
            "AN" + TAG + "77", "ID" + TAG + "42",                         // passport numbers
            "Sekretnaya street 77 " + TAG, "Osh, Tainaya 5 " + TAG,        // home addresses
            "Beneficiary Hidden " + TAG, "+996 555 " + TAG);               // beneficial owner, phone
    static final int MAX_REQUESTS = 1500;

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
    @Autowired
    PlatformTransactionManager txm;

    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Http http;
    Seed seed;
    String number;
    UUID emissionId;
    UUID issuerId;
    String registrar;

    @BeforeAll
    void seedARegisterWithPrivateData() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        http = new Http(port, json);
        seed = new Seed(http, users, clock);
        seed.at(Seed.JUNE_1);
        String a = seed.user(ActorRole.REGISTRAR, null);
        registrar = a;
        String b = seed.user(ActorRole.REGISTRAR, null);
        var issuer = seed.issuer(a, Map.of(
                "founders", List.of(
                        Map.of("name", PRIVATE.get(0), "passport", PRIVATE.get(2), "address", PRIVATE.get(4), "share", "60"),
                        Map.of("name", PRIVATE.get(1), "passport", PRIVATE.get(3), "address", PRIVATE.get(5), "share", "40")),
                "beneficialOwners", List.of(Map.of("name", PRIVATE.get(6), "phone", PRIVATE.get(7)))));
        issuerId = issuer.id();
        byte[] founders = ("Founders: " + String.join("; ", PRIVATE)).getBytes(StandardCharsets.UTF_8);
        emissionId = seed.submitted(issuer, Map.of("FOUNDING_DOCUMENTS", founders, "FOUNDERS_QUESTIONNAIRES", founders));
        number = seed.decide(a, b, "/api/v1/emissions/" + emissionId + "/register", null).expect(200).text("registrationNumber");
        // Someone probes with private values in bad requests: errors must not copy them into the logs.
        http.postRaw(a, "/api/v1/issuers", "{\"privateData\":{\"founders\":\"" + PRIVATE.get(0) + "\"}}");
        http.get(null, "/api/v1/public/register/" + URLEncoder.encode(PRIVATE.get(2), StandardCharsets.UTF_8));
        integrateTheJournal();
    }

    @AfterAll
    void detach() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    /** What the anchoring worker does (common's LogIntegrator), so that the public log serves every journal row. */
    private void integrateTheJournal() {
        Flyway.configure().dataSource(dataSource).schemas("log").defaultSchema("log")
                .locations("classpath:db/migration/log").load().migrate();
        NoteSigner signer = NoteSigner.generate("vareg.kg/register/v1", new SecureRandom());
        new TransactionTemplate(txm).executeWithoutResult(s -> new LogIntegrator(jdbc).integrate(100_000).ifPresent(batch ->
                jdbc.update("INSERT INTO log.checkpoints (tree_size, root_hash, signed_note) VALUES (?, ?, ?)", batch.newSize(),
                        batch.root().toBytes(), signer.sign(new Checkpoint("vareg.kg/register/v1", batch.newSize(), batch.root()).toText()))));
    }

    private static void assertNoPrivateValue(String where, String text) {
        for (String value : PRIVATE) {
            assertThat(text).as("¶66: private value '%s' appears in %s", value, where).doesNotContain(value);
        }
    }

    @Test
    void theJournalCarriesNoPrivateValue() {
        List<String> rows = jdbc.query("SELECT id, convert_from(canonical_json, 'UTF8') FROM registry.journal ORDER BY id",
                (rs, i) -> rs.getLong(1) + ":" + rs.getString(2));
        assertThat(rows).hasSizeGreaterThan(15);
        rows.forEach(r -> assertNoPrivateValue("journal row " + r.substring(0, r.indexOf(':')), r));
        // The issuer's record commits to the private data instead.
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("\"privateData\":\"sha256:"));
    }

    @Test
    void noPublicEndpointOrPageShowsAPrivateValue() {
        List<String> leafHashes = jdbc.queryForList("SELECT encode(leaf_hash, 'hex') FROM log.leaves ORDER BY leaf_index", String.class);
        List<String> docIds = jdbc.queryForList("SELECT id::text FROM registry.document", String.class);
        List<String> shas = jdbc.queryForList("SELECT sha256 FROM registry.document", String.class);
        long size = leafHashes.size();
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("number", List.of(number, "KG0000XXXX0"));
        values.put("id", List.of(emissionId.toString(), issuerId.toString()));
        values.put("index", java.util.stream.LongStream.range(0, size).mapToObj(Long::toString).toList());
        values.put("size", List.of("1", Long.toString(size / 2), Long.toString(size)));
        values.put("documentId", docIds);
        values.put("docId", docIds);

        Map<String, String> query = new LinkedHashMap<>();
        query.put("number", number);
        query.put("issuerId", issuerId.toString());
        query.put("tokenAddress", "0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359");
        query.put("leafHash", leafHashes.getFirst());
        query.put("treeSize", Long.toString(size));
        query.put("first", "1");
        query.put("second", Long.toString(size));
        query.put("after", "0");
        query.put("anchored", "false");

        Deque<String> queue = new ArrayDeque<>();
        Set<String> seen = new LinkedHashSet<>();
        JsonNode openapi = http.get(null, "/api/v1/openapi.json").expect(200).node();
        int operations = 0;
        for (var path : openapi.path("paths").properties()) {
            if (!path.getValue().has("get")) continue;
            operations++;
            for (String url : expand(path.getKey(), values)) {
                queue.add(url);
                List<String> params = new ArrayList<>();
                path.getValue().path("get").path("parameters").forEach(p -> {
                    if ("query".equals(p.path("in").asString()) && query.containsKey(p.path("name").asString())) {
                        params.add(p.path("name").asString() + "=" + query.get(p.path("name").asString()));
                    }
                });
                if (!params.isEmpty()) queue.add(url + "?" + String.join("&", params));
            }
        }
        for (String sha : shas) queue.add("/api/v1/public/verify-document?sha256=" + sha);
        for (String code : jdbc.queryForList("SELECT issuer_code FROM registry.issuer", String.class)) {
            queue.add("/api/v1/public/register?issuerCode=" + code);
        }
        // Pages and their links (the web pages, where present), the docs UI, actuator.
        queue.addAll(List.of("/", "/register", "/register/" + number, "/api/docs", "/actuator/health", "/actuator/info",
                "/actuator/prometheus"));

        int ok = 0;
        Set<String> statuses = new java.util.TreeSet<>();
        while (!queue.isEmpty() && seen.size() < MAX_REQUESTS) {
            String url = queue.poll();
            if (!seen.add(url)) continue;
            Http.Response r = http.get(null, url);
            statuses.add(r.status() + "");
            if (r.status() == 200) ok++;
            assertNoPrivateValue("GET " + url + " (" + r.status() + ")", r.body() + r.headers().map());
            if (r.body().contains(new String(java.util.Base64.getEncoder().encode(PRIVATE.get(0).getBytes(StandardCharsets.UTF_8))))) {
                throw new AssertionError("base64 of a private value in " + url);
            }
            links(r.body()).forEach(queue::add);
        }
        // The private documents, uploaded by anybody for checking: no match reveals them (they enter the log as commitments).
        byte[] founders = ("Founders: " + String.join("; ", PRIVATE)).getBytes(StandardCharsets.UTF_8);
        var check = http.upload(null, "/api/v1/public/verify-document", null, "f.pdf", "application/pdf", founders);
        assertNoPrivateValue("POST /api/v1/public/verify-document", check.body());

        assertThat(operations).as("GET operations in the OpenAPI document").isGreaterThan(10);
        assertThat(ok).as("public answers with content, of %s requests (%s)", seen.size(), statuses).isGreaterThan(20);
        // The values are in the register (staff see them), so a leak would be caught.
        assertThat(http.get(registrar, "/api/v1/issuers/" + issuerId).expect(200).body()).contains(PRIVATE.get(0), PRIVATE.get(7));
        // The crawler saw the seeded entry itself (the test would be empty otherwise).
        assertThat(http.get(null, "/api/v1/public/register/" + number).expect(200).body()).contains(number);
        org.slf4j.LoggerFactory.getLogger(PrivateDataCrawlIT.class)
                .info("crawled {} URLs ({} with 200) from {} GET operations; statuses {}", seen.size(), ok, operations, statuses);
    }

    @Test
    void noLogLineCarriesAPrivateValue() {
        assertThat(logs.list).isNotEmpty();
        for (ILoggingEvent e : List.copyOf(logs.list)) {
            String text = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()));
            assertNoPrivateValue("log line of " + e.getLoggerName(), text);
        }
    }

    private static List<String> expand(String template, Map<String, List<String>> values) {
        List<String> urls = new ArrayList<>(List.of(template));
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
        while (m.find()) {
            String name = m.group(1);
            List<String> fill = values.getOrDefault(name, List.of("1"));
            List<String> next = new ArrayList<>();
            for (String u : urls) for (String v : fill) next.add(u.replace("{" + name + "}", v));
            urls = next;
        }
        return urls;
    }

    private static final Pattern LINK = Pattern.compile("(?:href|src|action)=\"(/[^\"#]*)\"|\"(/api/v1/public/[^\"\\s]*)\"");

    private List<String> links(String body) {
        List<String> out = new ArrayList<>();
        Matcher m = LINK.matcher(body);
        while (m.find()) {
            String link = m.group(1) != null ? m.group(1) : m.group(2);
            out.add(URLDecoder.decode(link.replace("&amp;", "&"), StandardCharsets.UTF_8).replace(" ", "%20"));
        }
        String abs = http.base;
        int i = body.indexOf(abs);
        while (i >= 0) {
            int end = i + abs.length();
            while (end < body.length() && "\"' <>".indexOf(body.charAt(end)) < 0) end++;
            out.add(body.substring(i + abs.length(), end));
            i = body.indexOf(abs, end);
        }
        return out;
    }
}
