package kg.vareg.backend.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kg.vareg.backend.register.RegisterClock;
import kg.vareg.backend.kernel.ActorRole;
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
 * ¶11, ¶38-40, ¶54-56 over real HTTP on real PostgreSQL: who may record each notice, the deadlines view showing it
 * due / overdue until recorded and done afterwards, and exactly one journal row per recording.
 */
@BackendIntegrationTest
@TestPropertySource(properties = "vareg.clock.adjustable=true")
class NoticesIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    UserAccounts users;
    @Autowired
    RegisterClock clock;

    RegisterApi api;
    EmissionFixtures fx;
    String registrar;
    String registrar2;
    String supervisor;

    static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);

    @BeforeEach
    void setUp() {
        api = new RegisterApi(port, json);
        fx = new EmissionFixtures(api, users, clock);
        fx.at(JUNE_1);
        registrar = fx.newUser(ActorRole.REGISTRAR, null);
        registrar2 = fx.newUser(ActorRole.REGISTRAR, null);
        supervisor = fx.newUser(ActorRole.SUPERVISOR, null);
    }

    private String path(UUID id, String step) {
        return "/api/v1/emissions/" + id + step;
    }

    private UUID placing(EmissionFixtures.IssuerRef issuer) {
        fx.at(JUNE_1);
        UUID id = fx.completeDraft(issuer, JUNE_1, LocalDate.of(2026, 7, 31), LocalDate.of(2026, 5, 25));
        fx.payUpfront(issuer, id, JUNE_1);
        api.post(issuer.user(), path(id, "/submit"), null).expect(200);
        api.post(registrar, path(id, "/register"), null).expect(202);
        api.post(registrar2, path(id, "/register"), null).expect(200);
        fx.at(LocalDate.of(2026, 6, 2));
        api.post(issuer.user(), path(id, "/offer"), Map.of("disclosedOn", "2026-06-02", "url", "https://issuer.example/offer")).expect(200);
        fx.at(LocalDate.of(2026, 6, 9));
        api.post(issuer.user(), path(id, "/placement"), Map.of("startedOn", "2026-06-09")).expect(200);
        fx.at(LocalDate.of(2026, 8, 3));
        String report = fx.doc(issuer, issuer.user(), id, "RESULTS_REPORT");
        api.post(issuer.user(), path(id, "/results"), Map.of("actualPlacementEnd", "2026-07-31", "placedQuantity", placed,
                "proceeds", placed + ".00", "reportDocumentId", report)).expect(200);
        return id;
    }

    private long placed = 700_000;

    /** The deadlines of one emission, by ¶, for whoever asks. */
    private List<JsonNode> deadlines(String user, UUID id, String paragraph) {
        return api.get(user, "/api/v1/deadlines").expect(200).node().valueStream()
                .filter(d -> d.path("emissionId").asString().equals(id.toString()) && d.path("paragraph").asString().equals(paragraph))
                .toList();
    }

    private JsonNode lastJournal(UUID id) {
        String rec = jdbc.queryForObject("SELECT convert_from(canonical_json, 'UTF8') FROM registry.journal"
                + " WHERE convert_from(canonical_json, 'UTF8') LIKE ? ORDER BY id DESC LIMIT 1", String.class, "%" + id + "%");
        return json.readTree(rec);
    }

    private long journalRows() {
        return jdbc.queryForObject("SELECT count(*) FROM registry.journal", Long.class);
    }

    @Test
    void registrationDeliverySuccessNoticeAndTheIssuersDisclosureAreDueThenDone() {
        var issuer = fx.issuer(registrar);
        UUID id = placing(issuer);

        // ¶11 is owed since registration, without a term of its own.
        List<JsonNode> delivery = deadlines(registrar, id, "¶11");
        assertThat(delivery).singleElement().satisfies(d -> {
            assertThat(d.path("status").asString()).isEqualTo("DUE");
            assertThat(d.path("due").isNull()).isTrue();
            assertThat(d.path("dueBy").asString()).isEqualTo("REGISTRAR");
        });
        // Only the regulator records it; the issuer is refused (403) and nothing is journaled as a notice.
        assertThat(api.post(issuer.user(), path(id, "/notices"), Map.of("kind", "REGISTRATION_DECISION_DELIVERY")).status()).isEqualTo(403);
        String decision = fx.doc(null, registrar, id, "REGULATOR_DECISION");
        String decisionSha = api.get(registrar, path(id, "/documents")).node().valueStream()
                .filter(d -> d.path("id").asString().equals(decision)).findFirst().orElseThrow().path("sha256").asString();
        long before = journalRows();
        api.post(supervisor, path(id, "/notices"), Map.of("kind", "REGISTRATION_DECISION_DELIVERY", "on", "2026-06-01",
                "channel", "IN_PERSON", "documentId", decision)).expect(200);
        assertThat(journalRows()).isEqualTo(before + 1);
        JsonNode rec = lastJournal(id);
        assertThat(rec.path("type").asString()).isEqualTo("RegistrationDecisionDelivered");
        assertThat(rec.path("actorRole").asString()).isEqualTo("SUPERVISOR");
        JsonNode changes = rec.path("events").get(0).path("changes");
        assertThat(changes.path("whitePaperCopies").asInt()).isEqualTo(2);
        assertThat(changes.path("documentSha256").asString()).isEqualTo(decisionSha);
        assertThat(changes.path("actOn").asString()).isEqualTo("2026-06-01");
        assertThat(rec.path("documents").get(0).path("sha256").asString()).isEqualTo(decisionSha);
        assertThat(deadlines(registrar, id, "¶11")).singleElement().satisfies(d -> {
            assertThat(d.path("status").asString()).isEqualTo("DONE");
            assertThat(d.path("doneOn").asString()).isEqualTo("2026-06-01");
        });
        // Recorded twice: 409 naming the ¶.
        assertThat(api.post(registrar, path(id, "/notices"), Map.of("kind", "REGISTRATION_DECISION_DELIVERY")).expect(409)
                .text("paragraph")).isEqualTo("¶11");

        // Success on Tuesday 4 August 2026: ¶38 due Friday 7 August, ¶40 due Tuesday 11 August.
        fx.at(LocalDate.of(2026, 8, 4));
        assertThat(api.post(registrar, path(id, "/notices"), Map.of("kind", "SUCCESS_DECISION_NOTICE")).expect(409).text("paragraph"))
                .isEqualTo("¶38");
        api.post(registrar, path(id, "/successful"), Map.of("ground", "MINIMUM_QUANTITY_PLACED")).expect(200);
        assertThat(deadlines(issuer.user(), id, "¶40")).singleElement().satisfies(d -> {
            assertThat(d.path("status").asString()).isEqualTo("DUE");
            assertThat(d.path("due").asString()).isEqualTo("2026-08-11");
            assertThat(d.path("dueBy").asString()).isEqualTo("ISSUER");
        });
        fx.at(LocalDate.of(2026, 8, 10));
        assertThat(deadlines(registrar, id, "¶38")).singleElement().satisfies(d -> {
            assertThat(d.path("status").asString()).isEqualTo("OVERDUE");
            assertThat(d.path("overdue").asBoolean()).isTrue();
            assertThat(d.path("due").asString()).isEqualTo("2026-08-07");
        });
        assertThat(api.get(registrar, "/api/v1/deadlines?overdueOnly=true").node().valueStream()
                .anyMatch(d -> d.path("paragraph").asString().equals("¶38") && d.path("emissionId").asString().equals(id.toString()))).isTrue();
        // Bad input: an unknown kind, a date in the future, a non-URL: 4xx problem+json, nothing recorded.
        long rows = journalRows();
        var unknown = api.post(registrar, path(id, "/notices"), Map.of("kind", "SMOKE_SIGNAL")).expect(400);
        assertThat(unknown.node().path("errors").get(0).path("field").asString()).isEqualTo("kind");
        assertThat(api.post(registrar, path(id, "/notices"), Map.of("kind", "SUCCESS_DECISION_NOTICE", "on", "2026-08-11"))
                .expect(409).text("detail")).contains("future");
        assertThat(api.post(registrar, path(id, "/notices"), Map.of("kind", "WEBSITE_PUBLICATION", "url", "ftp://x")).expect(400)
                .node().path("errors").get(0).path("field").asString()).isEqualTo("url");
        assertThat(journalRows()).isEqualTo(rows);

        // Sent on the last day, recorded on Monday: done, not late.
        api.post(registrar, path(id, "/notices"), Map.of("kind", "SUCCESS_DECISION_NOTICE", "on", "2026-08-07", "channel", "POST"))
                .expect(200);
        assertThat(lastJournal(id).path("type").asString()).isEqualTo("SuccessDecisionSent");
        assertThat(deadlines(registrar, id, "¶38")).singleElement().satisfies(d -> {
            assertThat(d.path("status").asString()).isEqualTo("DONE");
            assertThat(d.path("late").asBoolean()).isFalse();
        });

        // ¶40 is the issuer's: the registrar may not report it, the issuer does.
        assertThat(api.post(registrar, path(id, "/results-disclosure"), Map.of()).status()).isEqualTo(403);
        String disclosure = fx.doc(issuer, issuer.user(), id, "RESULTS_DISCLOSURE");
        var disclosed = api.post(issuer.user(), path(id, "/results-disclosure"), Map.of("channel", "EMAIL", "documentId", disclosure))
                .expect(200);
        assertThat(disclosed.headers().firstValue("ETag")).isPresent();
        assertThat(lastJournal(id).path("type").asString()).isEqualTo("ResultsDisclosedToExchange");
        assertThat(lastJournal(id).path("actorRole").asString()).isEqualTo("ISSUER");
        assertThat(deadlines(issuer.user(), id, "¶40")).singleElement().satisfies(d -> {
            assertThat(d.path("status").asString()).isEqualTo("DONE");
            assertThat(d.path("doneOn").asString()).isEqualTo("2026-08-10");
        });
        assertThat(api.post(issuer.user(), path(id, "/results-disclosure"), Map.of()).expect(409).text("paragraph")).isEqualTo("¶40");
        // includeDone=false hides what is done.
        assertThat(api.get(registrar, "/api/v1/deadlines?includeDone=false").node().valueStream()
                .filter(d -> d.path("emissionId").asString().equals(id.toString())).map(d -> d.path("status").asString()))
                .doesNotContain("DONE");
        // The emission's own list of notices.
        var notices = api.get(issuer.user(), path(id, "/notices")).expect(200).node();
        assertThat(notices.valueStream().filter(n -> n.path("status").asString().equals("DONE")).map(n -> n.path("kind").asString()))
                .containsExactlyInAnyOrder("REGISTRATION_DECISION_DELIVERY", "SUCCESS_DECISION_NOTICE", "RESULTS_DISCLOSURE");
        // The history keeps every act.
        assertThat(api.get(issuer.user(), path(id, "/history")).node().valueStream().map(h -> h.path("type").asString()))
                .contains("RegistrationDecisionDelivered", "SuccessDecisionSent", "ResultsDisclosedToExchange");
    }

    @Test
    void refusalOfSuccessAndTheCancellationNoticesToIssuerAndTradingOperator() {
        placed = 100_000;
        var issuer = fx.issuer(registrar);
        UUID id = placing(issuer);
        // Declared unsuccessful on Friday 7 August 2026: ¶39 by Wednesday 12 August; ¶55 prior notice the next day
        // (Saturday → Monday 10 August), written confirmation by 12 August; ¶56 publication by Friday 14 August.
        fx.at(LocalDate.of(2026, 8, 7));
        api.post(registrar, path(id, "/unsuccessful"), Map.of("grounds", "fewer than the minimum quantity placed (¶29)")).expect(200);
        assertThat(deadlines(registrar, id, "¶39")).singleElement().satisfies(d -> assertThat(d.path("due").asString()).isEqualTo("2026-08-12"));
        List<JsonNode> prior = deadlines(registrar, id, "¶55").stream().filter(d -> d.path("due").asString().equals("2026-08-10")).toList();
        assertThat(prior).hasSize(2).extracting(d -> d.path("what").asString())
                .anySatisfy(w -> assertThat(w).contains("the issuer")).anySatisfy(w -> assertThat(w).contains("the trading operator"));
        assertThat(deadlines(registrar, id, "¶56")).singleElement().satisfies(d -> assertThat(d.path("due").asString()).isEqualTo("2026-08-14"));

        fx.at(LocalDate.of(2026, 8, 10));
        // ¶55: the prior notice is electronic.
        assertThat(api.post(registrar, path(id, "/notices"), Map.of("kind", "PRIOR_NOTICE", "channel", "POST")).expect(409)
                .text("paragraph")).isEqualTo("¶55");
        long before = journalRows();
        api.post(supervisor, path(id, "/notices"), Map.of("kind", "PRIOR_NOTICE", "channel", "PHONE")).expect(200);
        assertThat(journalRows()).isEqualTo(before + 1); // two recipients, one change, one row
        JsonNode rec = lastJournal(id);
        assertThat(rec.path("type").asString()).isEqualTo("CancellationNoticeRecorded");
        assertThat(rec.path("events").valueStream().map(e -> e.path("changes").path("recipient").asString()))
                .containsExactly("ISSUER", "TRADING_OPERATOR");
        assertThat(deadlines(registrar, id, "¶55").stream().filter(d -> d.path("due").asString().equals("2026-08-10"))
                .map(d -> d.path("status").asString())).containsExactly("DONE", "DONE");

        fx.at(LocalDate.of(2026, 8, 13));
        assertThat(deadlines(registrar, id, "¶39")).singleElement().satisfies(d -> assertThat(d.path("status").asString()).isEqualTo("OVERDUE"));
        api.post(registrar, path(id, "/notices"), Map.of("kind", "SUCCESS_REFUSAL_NOTICE", "channel", "POST")).expect(200);
        assertThat(deadlines(registrar, id, "¶39")).singleElement().satisfies(d -> {
            assertThat(d.path("status").asString()).isEqualTo("DONE");
            assertThat(d.path("late").asBoolean()).isTrue();
        });
        // The written confirmation to the trading operator only; the issuer's stays overdue.
        api.post(registrar, path(id, "/notices"), Map.of("kind", "WRITTEN_CONFIRMATION", "recipients", List.of("TRADING_OPERATOR"),
                "on", "2026-08-12")).expect(200);
        List<JsonNode> written = deadlines(registrar, id, "¶55").stream().filter(d -> d.path("due").asString().equals("2026-08-12")).toList();
        assertThat(written).extracting(d -> d.path("status").asString()).containsExactlyInAnyOrder("DONE", "OVERDUE");
        assertThat(api.post(registrar, path(id, "/notices"), Map.of("kind", "WRITTEN_CONFIRMATION", "recipients", List.of("PUBLIC")))
                .expect(409).text("paragraph")).isEqualTo("¶55");
        api.post(registrar, path(id, "/notices"), Map.of("kind", "WEBSITE_PUBLICATION", "url", "https://regulator.example/cancelled/1"))
                .expect(200);
        assertThat(deadlines(registrar, id, "¶56")).singleElement().satisfies(d -> {
            assertThat(d.path("status").asString()).isEqualTo("DONE");
            assertThat(d.path("late").asBoolean()).isFalse();
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM registry.emission_notice WHERE emission_id = ?", Long.class, id)).isEqualTo(5);
    }
}
