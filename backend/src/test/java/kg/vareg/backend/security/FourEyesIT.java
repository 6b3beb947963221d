package kg.vareg.backend.security;

import kg.vareg.backend.kernel.ActorRole;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kg.vareg.backend.register.RegisterClock;
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
 * Four-eyes on registration, refusal, suspension, invalidity (¶25(3)), not genuine (¶52) and cancellation; every
 * refused attempt journaled with its actor in its own transaction; an issuer sees and changes only its own
 * applications. Real HTTP, real PostgreSQL.
 */
@BackendIntegrationTest
@TestPropertySource(properties = "vareg.clock.adjustable=true")
class FourEyesIT {
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
    ActorCommitments actorCommitments;

    Http http;
    Seed seed;
    String registrarA;
    String registrarB;
    String supervisor;

    @BeforeEach
    void setUp() {
        http = new Http(port, json);
        seed = new Seed(http, users, clock);
        seed.at(Seed.JUNE_1);
        registrarA = seed.user(ActorRole.REGISTRAR, null);
        registrarB = seed.user(ActorRole.REGISTRAR, null);
        supervisor = seed.user(ActorRole.SUPERVISOR, null);
    }

    private static String path(UUID id, String step) {
        return "/api/v1/emissions/" + id + step;
    }

    private String state(UUID id) {
        return jdbc.queryForObject("SELECT state FROM registry.emission WHERE id = ?", String.class, id);
    }

    private JsonNode lastJournal(String type) {
        String text = jdbc.queryForObject("SELECT convert_from(canonical_json, 'UTF8') FROM registry.journal WHERE record_type = ?"
                + " ORDER BY id DESC LIMIT 1", String.class, type);
        return json.readTree(text);
    }

    private long journalRows() {
        return jdbc.queryForObject("SELECT count(*) FROM registry.journal", Long.class);
    }

    /** The same person can never both propose and confirm; the refusal is a 403 naming the rule, and is journaled. */
    private void samePersonRefused(String proposer, String path, Object body, UUID id) {
        String before = state(id);
        var proposed = http.post(proposer, path, body).expect(202);
        assertThat(proposed.text("status")).isEqualTo("PENDING");
        assertThat(state(id)).isEqualTo(before);
        long rows = journalRows();
        var again = http.post(proposer, path, body).expect(403);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.text("rule")).isEqualTo("four-eyes");
        assertThat(again.text("detail")).contains("cannot confirm");
        assertThat(state(id)).isEqualTo(before);
        // The failed attempt is recorded privately (not rolled back with the refused change), with its actor — and
        // never in the public log, which can neither be redacted nor grow at a caller's will (issue 15 items 3, 6).
        assertThat(journalRows()).isEqualTo(rows);
        var denied = lastDenial();
        assertThat(denied.get("rule")).isEqualTo("four-eyes");
        assertThat(denied.get("target")).isEqualTo(id);
        assertThat(denied.get("actor_name")).isEqualTo(proposer);
    }

    @Test
    void registrationNeedsTwoDifferentStaffMembersAndTheJournalShowsBoth() {
        var issuer = seed.issuer(registrarA, Map.of("founders", List.of(Map.of("name", "Four Eyes Founder"))));
        UUID id = seed.submitted(issuer, Map.of());
        samePersonRefused(registrarA, path(id, "/register"), null, id);
        // The issuer cannot confirm either (403, journaled with role ISSUER).
        http.post(issuer.user(), path(id, "/register"), null).expect(403);
        assertThat(lastDenial().get("actor_role")).isEqualTo("ISSUER");
        assertThat(lastDenial().get("operation")).isEqualTo("POST /api/v1/emissions/{id}/register");
        var pending = http.get(registrarB, path(id, "/proposals")).expect(200).node();
        assertThat(pending.get(0).path("decision").asString()).isEqualTo("REGISTER");
        // A supervisor is a second pair of eyes too.
        var registered = http.post(supervisor, path(id, "/register"), null).expect(200);
        assertThat(registered.text("state")).isEqualTo("REGISTERED");
        JsonNode rec = lastJournal("EmissionRegistered");
        assertThat(rec.path("actorRole").asString()).isEqualTo("REGISTRAR");
        JsonNode confirmation = rec.path("events").get(rec.path("events").size() - 1);
        assertThat(confirmation.path("type").asString()).isEqualTo("DecisionConfirmed");
        assertThat(confirmation.path("changes").path("confirmerRole").asString()).isEqualTo("SUPERVISOR");
        assertThat(actorCommitments.open(rec.path("commitments").path("actor").asString())).hasValue(registrarA);
        assertThat(actorCommitments.open(rec.path("commitments").path("confirmedBy").asString())).hasValue(supervisor);
        // The public log names no account.
        String canonical = jdbc.queryForObject("SELECT string_agg(convert_from(canonical_json, 'UTF8'), '') FROM registry.journal", String.class);
        assertThat(canonical).doesNotContain(registrarA).doesNotContain(supervisor).doesNotContain(issuer.user());
        // The database refuses a self-confirmed proposal even if the code were bypassed.
        assertThat(jdbc.queryForObject("SELECT count(*) FROM registry.decision_proposal WHERE status = 'CONFIRMED'"
                + " AND decided_by = proposed_by", Long.class)).isZero();
    }

    @Test
    void everyWeightyDecisionNeedsFourEyes() {
        // Refusal (¶17-19).
        var issuer = seed.issuer(registrarA, Map.of("founders", List.of(Map.of("name", "F1"))));
        UUID refused = seed.submitted(issuer, Map.of());
        Map<String, Object> refusal = Map.of("grounds", List.of("FEES_NOT_PAID"), "reasons", "not paid");
        samePersonRefused(registrarA, path(refused, "/refuse"), refusal, refused);
        // A different decision cannot ride on the proposal: 409, nothing changes.
        http.post(registrarB, path(refused, "/refuse"), Map.of("grounds", List.of("FEES_NOT_PAID"), "reasons", "other")).expect(409);
        assertThat(http.post(registrarB, path(refused, "/refuse"), refusal).expect(200).text("state")).isEqualTo("REFUSED");

        // Suspension (¶25(1), ¶50), invalidity (¶25(3)).
        UUID id = seed.submitted(issuer, Map.of());
        seed.decide(registrarA, registrarB, path(id, "/register"), null).expect(200);
        samePersonRefused(supervisor, path(id, "/suspend"), Map.of("grounds", "inspection"), id);
        assertThat(http.post(registrarA, path(id, "/suspend"), Map.of("grounds", "inspection")).expect(200).text("state"))
                .isEqualTo("SUSPENDED");
        String court = http.upload(registrarA, path(id, "/documents"), "COURT_DECISION", "court.pdf", "application/pdf",
                "court decision".getBytes(StandardCharsets.UTF_8)).expect(201).text("id");
        Map<String, Object> invalid = Map.of("court", "Bishkek inter-district court", "courtDecisionId", court);
        samePersonRefused(registrarB, path(id, "/invalid"), invalid, id);
        assertThat(http.post(supervisor, path(id, "/invalid"), invalid).expect(200).text("state")).isEqualTo("INVALID");

        // Cancellation (¶45-47, ¶63); a stale proposal is void.
        UUID other = seed.submitted(issuer, Map.of());
        seed.decide(registrarA, registrarB, path(other, "/register"), null).expect(200);
        String basis = http.upload(registrarA, path(other, "/documents"), "LIQUIDATION_DECISION", "l.pdf", "application/pdf",
                "liquidation".getBytes(StandardCharsets.UTF_8)).expect(201).text("id");
        Map<String, Object> cancel = Map.of("basis", "ISSUER_LIQUIDATED", "basisDocumentId", basis);
        samePersonRefused(registrarA, path(other, "/cancel"), cancel, other);
        // The emission changes after the proposal (a suspension): the cancellation proposal is void (STALE).
        seed.decide(supervisor, registrarB, path(other, "/suspend"), Map.of("grounds", "inspection")).expect(200);
        var stale = http.post(registrarB, path(other, "/cancel"), cancel).expect(409);
        assertThat(stale.text("detail")).contains("STALE");
        assertThat(state(other)).isEqualTo("SUSPENDED");
        assertThat(seed.decide(registrarB, registrarA, path(other, "/cancel"), cancel).expect(200).text("state")).isEqualTo("CANCELLED");
    }

    @Test
    void aWrongProposalIsWithdrawnAndJournaled() {
        var issuer = seed.issuer(registrarA, Map.of("founders", List.of(Map.of("name", "F2"))));
        UUID id = seed.submitted(issuer, Map.of());
        String pid = http.post(registrarA, path(id, "/refuse"), Map.of("grounds", List.of("FEES_NOT_PAID"), "reasons", "typo"))
                .expect(202).text("id");
        http.post(issuer.user(), path(id, "/proposals/" + pid + "/withdraw"), null).expect(403);
        assertThat(http.post(registrarB, path(id, "/proposals/" + pid + "/withdraw"), null).expect(200).text("status"))
                .isEqualTo("WITHDRAWN");
        assertThat(lastJournal("DecisionWithdrawn").path("events").get(0).path("changes").path("proposal").asString()).isEqualTo(pid);
        // Now a registration can be proposed and confirmed.
        seed.decide(registrarA, registrarB, path(id, "/register"), null).expect(200);
    }

    @Test
    void anIssuerSeesAndChangesOnlyItsOwnApplications() {
        var mine = seed.issuer(registrarA, Map.of("founders", List.of(Map.of("name", "Mine"))));
        var theirs = seed.issuer(registrarA, Map.of("founders", List.of(Map.of("name", "Theirs"))));
        UUID id = UUID.fromString(http.post(mine.user(), "/api/v1/emissions", Seed.application(mine.id())).expect(201).text("id"));
        long rows = journalRows();
        String u = theirs.user();
        // Reads: 404, not 403 — existence does not leak.
        http.get(u, path(id, "")).expect(404);
        http.get(u, path(id, "/history")).expect(404);
        http.get(u, path(id, "/documents")).expect(404);
        http.get(u, path(id, "/package")).expect(404);
        http.get(u, path(id, "/fees")).expect(404);
        http.get(u, "/api/v1/issuers/" + mine.id()).expect(404);
        assertThat(http.get(u, "/api/v1/emissions").node().path("totalItems").asInt()).isZero();
        assertThat(http.get(u, "/api/v1/emissions?issuerId=" + mine.id()).node().path("totalItems").asInt()).isZero();
        // Changes: refused, nothing changes.
        Map<String, Object> body = Seed.application(mine.id());
        body.put("version", 0);
        http.send(u, "PUT", path(id, ""), "application/json", json.writeValueAsBytes(body), Map.of()).expect(404);
        http.upload(u, path(id, "/documents"), "APPLICATION", "a.pdf", "application/pdf", "x".getBytes(StandardCharsets.UTF_8)).expect(404);
        http.post(u, path(id, "/submit"), null).expect(404);
        http.post(u, "/api/v1/emissions", Seed.application(mine.id())).expect(404);
        http.post(u, path(id, "/fees/payments"), Map.of("paidOn", "2026-06-01", "amount", "20.00", "currency", "KGS")).expect(404);
        assertThat(journalRows()).isEqualTo(rows);
        assertThat(state(id)).isEqualTo("DRAFT");
        // Its own: fine.
        http.get(mine.user(), path(id, "")).expect(200);
    }

    private Map<String, Object> lastDenial() {
        return jdbc.queryForMap("SELECT * FROM registry.access_denial ORDER BY id DESC LIMIT 1");
    }
}
