package kg.vareg.backend.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kg.vareg.backend.register.RegisterClock;
import kg.vareg.backend.kernel.ActorRole;
import kg.vareg.backend.security.UserAccounts;
import kg.vareg.backend.support.BackendIntegrationTest;
import kg.vareg.ledger.json.CanonicalJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Whole emissions driven through the HTTP API against real PostgreSQL, each step checked against its ¶. */
@BackendIntegrationTest
@TestPropertySource(properties = "vareg.clock.adjustable=true")
class EmissionWorkflowIT {
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
    /** Four-eyes: a second registrar confirms what the first proposes (security issue 8). */
    String registrar2;
    String supervisor;

    static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1); // a Monday, no holiday near

    @BeforeEach
    void setUp() {
        api = new RegisterApi(port, json);
        fx = new EmissionFixtures(api, users, clock);
        fx.at(JUNE_1);
        registrar = fx.newUser(ActorRole.REGISTRAR, null);
        registrar2 = fx.newUser(ActorRole.REGISTRAR, null);
        supervisor = fx.newUser(ActorRole.SUPERVISOR, null);
    }

    private long journalRows() {
        return jdbc.queryForObject("SELECT count(*) FROM registry.journal", Long.class);
    }

    /** A four-eyes decision: {@code proposer} proposes (202), {@code confirmer} sends the same and it takes effect. */
    private RegisterApi.Response decide(String proposer, String confirmer, String path, Object body) {
        api.post(proposer, path, body).expect(202);
        return api.post(confirmer, path, body);
    }

    private String path(UUID id, String step) {
        return "/api/v1/emissions/" + id + step;
    }

    /** Draft → complete package → upfront fee → filed → registered, on JUNE_1. */
    private UUID registered(EmissionFixtures.IssuerRef issuer) {
        fx.at(JUNE_1);
        UUID id = fx.completeDraft(issuer, JUNE_1, LocalDate.of(2026, 7, 31), LocalDate.of(2026, 5, 25));
        fx.payUpfront(issuer, id, JUNE_1);
        api.post(issuer.user(), path(id, "/submit"), null).expect(200);
        decide(registrar, registrar2, path(id, "/register"), null).expect(200);
        return id;
    }

    /** ... → offer disclosed on 2 June → placement from 9 June (the 5th working day after, ¶21). */
    private UUID placing(EmissionFixtures.IssuerRef issuer) {
        UUID id = registered(issuer);
        fx.at(LocalDate.of(2026, 6, 2));
        api.post(issuer.user(), path(id, "/offer"), Map.of("disclosedOn", "2026-06-02", "url", "https://issuer.example/offer")).expect(200);
        fx.at(LocalDate.of(2026, 6, 9));
        api.post(issuer.user(), path(id, "/placement"), Map.of("startedOn", "2026-06-09")).expect(200);
        return id;
    }

    private void reportResults(EmissionFixtures.IssuerRef issuer, UUID id, long placed) {
        String report = fx.doc(issuer, issuer.user(), id, "RESULTS_REPORT");
        api.post(issuer.user(), path(id, "/results"), Map.of("actualPlacementEnd", "2026-07-31", "placedQuantity", placed,
                "proceeds", placed + ".00", "reportDocumentId", report)).expect(200);
    }

    @Test
    void happyPathToASuccessfulEmissionWithEveryStepJournalled() {
        var issuer = fx.issuer(registrar);
        UUID id = fx.completeDraft(issuer, JUNE_1, LocalDate.of(2026, 7, 31), LocalDate.of(2026, 5, 25));

        // ¶28: without the upfront 20% the registrar cannot register; the package is complete though (¶9).
        var pkg = api.get(issuer.user(), path(id, "/package")).expect(200).node();
        assertThat(pkg.path("complete").asBoolean()).isTrue();
        var submitted = api.post(issuer.user(), path(id, "/submit"), null).expect(200);
        assertThat(submitted.text("state")).isEqualTo("SUBMITTED");
        // ¶10: 20 working days from 1 June 2026 (no holidays in June 2026) = 29 June.
        assertThat(submitted.text("decisionDue")).isEqualTo("2026-06-29");
        var noFee = api.post(registrar, path(id, "/register"), null).expect(409);
        assertThat(noFee.text("paragraph")).isEqualTo("¶28");
        assertThat(noFee.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));

        fx.payUpfront(issuer, id, JUNE_1);
        long before = journalRows();
        var reg = decide(registrar, registrar2, path(id, "/register"), null).expect(200);
        assertThat(reg.text("state")).isEqualTo("REGISTERED");
        String number = reg.text("registrationNumber");
        assertThat(number).isEqualTo("KG0101" + issuer.code() + "1"); // ¶68: stablecoin, 1st emission, issuer code, Bishkek
        assertThat(journalRows()).isEqualTo(before + 2); // DecisionProposed + EmissionRegistered

        // ¶21: placement no earlier than 5 WD after the offer.
        fx.at(LocalDate.of(2026, 6, 2));
        api.post(issuer.user(), path(id, "/offer"), Map.of("disclosedOn", "2026-06-02", "url", "https://issuer.example/offer")).expect(200);
        fx.at(LocalDate.of(2026, 6, 8));
        var early = api.post(issuer.user(), path(id, "/placement"), Map.of("startedOn", "2026-06-08")).expect(409);
        assertThat(early.text("paragraph")).isEqualTo("¶21");
        assertThat(early.text("detail")).contains("2026-06-09");
        fx.at(LocalDate.of(2026, 6, 9));
        api.post(issuer.user(), path(id, "/placement"), Map.of("startedOn", "2026-06-09")).expect(200);

        fx.at(LocalDate.of(2026, 8, 3));
        reportResults(issuer, id, 700_000);
        // ¶29(1): not everything was placed.
        assertThat(api.post(registrar, path(id, "/successful"), Map.of("ground", "ALL_PLACED")).expect(409).text("paragraph"))
                .isEqualTo("¶29(1)");
        var success = api.post(registrar, path(id, "/successful"), Map.of("ground", "MINIMUM_QUANTITY_PLACED")).expect(200);
        assertThat(success.text("state")).isEqualTo("SUCCESSFUL");
        assertThat(success.text("unplacedRemaining")).isEqualTo("300000");
        // ¶48: no longer possible to declare it unsuccessful.
        assertThat(api.post(registrar, path(id, "/unsuccessful"), Map.of("grounds", "late")).expect(409).text("paragraph"))
                .isEqualTo("¶48");
        // ¶45: the unplaced VAs are burned; the number stays live (¶47).
        api.post(issuer.user(), path(id, "/burns"), Map.of("quantity", 300_000, "reason", "UNPLACED",
                "transactionHash", "0x" + "ab".repeat(32))).expect(200);
        assertThat(api.post(issuer.user(), path(id, "/burns"), Map.of("quantity", 1, "reason", "UNPLACED")).expect(409)
                .text("paragraph")).isEqualTo("¶45");

        // The public register (no login) has every ¶62 field and no founders' data (¶66).
        var entry = api.get(null, "/api/v1/public/register/" + number).expect(200);
        JsonNode e = entry.node();
        assertThat(e.path("state").asString()).isEqualTo("SUCCESSFUL");
        assertThat(e.path("numberStatus").asString()).isEqualTo("ACTIVE");
        assertThat(e.path("issuer").path("fullName").asString()).isEqualTo("Issuer " + issuer.code() + " LLC");
        assertThat(e.path("onChainSupply").asString()).isEqualTo("1000000000000");
        assertThat(e.path("burnedQuantity").asString()).isEqualTo("300000");
        assertThat(entry.body()).doesNotContain("Secret Founder").doesNotContain("Secret Owner");
        var search = api.get(null, "/api/v1/public/register?tokenAddress=0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359&state=SUCCESSFUL").expect(200);
        assertThat(search.body()).contains(number);
        var history = api.get(null, "/api/v1/public/register/" + number + "/history").expect(200).node();
        assertThat(history.valueStream().map(h -> h.path("type").asString()).toList()).containsSubsequence(
                "ApplicationDrafted", "ApplicationSubmitted", "EmissionRegistered", "PublicOfferDisclosed", "PlacementStarted",
                "ResultsReported", "EmissionDeclaredSuccessful", "VirtualAssetsBurned");
        // The registered white paper is downloadable and is the one whose hash is in the register.
        var wp = api.get(null, "/api/v1/public/register/" + number + "/white-paper").expect(200);
        assertThat(wp.body()).startsWith("WHITE_PAPER of " + id);

        // The journal: canonical RFC 8785 bytes, no founders in clear, registration carries the ¶62 entry.
        List<byte[]> rows = jdbc.query("SELECT canonical_json FROM registry.journal ORDER BY id", (rs, i) -> rs.getBytes(1));
        CanonicalJson canonical = CanonicalJson.standard();
        for (byte[] row : rows) {
            assertThat(canonical.canonicalize(row)).isEqualTo(row);
            assertThat(new String(row, StandardCharsets.UTF_8)).doesNotContain("Secret Founder");
        }
        String registration = jdbc.queryForObject("SELECT convert_from(canonical_json, 'UTF8') FROM registry.journal"
                + " WHERE record_type = 'EmissionRegistered' AND convert_from(canonical_json, 'UTF8') LIKE ?", String.class, "%" + number + "%");
        JsonNode rec = json.readTree(registration);
        assertThat(rec.path("v").asInt()).isEqualTo(1);
        assertThat(rec.path("actorRole").asString()).isEqualTo("REGISTRAR");
        assertThat(rec.path("events").get(0).path("changes").path("entry").path("tokenAddress").asString())
                .isEqualTo("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
        assertThat(rec.path("documents").size()).isZero();
        String issuerRecord = jdbc.queryForObject("SELECT convert_from(canonical_json, 'UTF8') FROM registry.journal"
                + " WHERE record_type = 'IssuerRecorded' AND convert_from(canonical_json, 'UTF8') LIKE ?", String.class, "%" + issuer.id() + "%");
        assertThat(json.readTree(issuerRecord).path("commitments").path("privateData").asString()).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void refusalWithGroundsIsFinal() {
        var issuer = fx.issuer(registrar);
        UUID id = fx.completeDraft(issuer, JUNE_1, LocalDate.of(2026, 7, 31), LocalDate.of(2026, 5, 25));
        api.post(issuer.user(), path(id, "/submit"), null).expect(200);
        // ¶17: a refusal needs a ground of ¶17 and reasons.
        api.post(registrar, path(id, "/refuse"), Map.of("grounds", List.of(), "reasons", "x")).expect(400);
        var refused = decide(registrar, registrar2, path(id, "/refuse"), Map.of("grounds", List.of("FEES_NOT_PAID"),
                "reasons", "the registration fee was not paid (¶28)")).expect(200);
        assertThat(refused.text("state")).isEqualTo("REFUSED");
        assertThat(api.post(registrar, path(id, "/register"), null).expect(409).text("paragraph")).isEqualTo("¶10");
        // A refused application never enters the register (¶3, ¶57).
        assertThat(api.get(null, "/api/v1/public/register?issuerCode=" + issuer.code()).node().path("totalItems").asInt()).isZero();
    }

    @Test
    void incompletePackageIsRefusedNamingEachMissingItem() {
        var issuer = fx.issuer(registrar);
        var r = api.post(issuer.user(), "/api/v1/emissions",
                RegisterApi.application(issuer.id(), JUNE_1, LocalDate.of(2026, 7, 31), LocalDate.of(2026, 5, 25))).expect(201);
        UUID id = UUID.fromString(r.text("id"));
        fx.doc(issuer, issuer.user(), id, "APPLICATION");
        var problem = api.post(issuer.user(), path(id, "/submit"), null).expect(409);
        assertThat(problem.text("paragraph")).isEqualTo("¶9");
        List<String> details = problem.node().path("details").valueStream().map(JsonNode::asString).toList();
        assertThat(details).hasSize(9).anySatisfy(d -> assertThat(d).contains("¶9(5)"))
                .anySatisfy(d -> assertThat(d).contains("¶9(12)")).noneSatisfy(d -> assertThat(d).contains("¶9(7)"));
    }

    @Test
    void unsecuredOrUnregisteredCollateralIsNotRegistered() {
        var issuer = fx.issuer(registrar);
        // Collateral registered after the filing day: ¶3-10 (registered before submission, ¶3-7..3-9).
        UUID id = fx.completeDraft(issuer, JUNE_1, LocalDate.of(2026, 7, 31), LocalDate.of(2026, 6, 15));
        fx.payUpfront(issuer, id, JUNE_1);
        api.post(issuer.user(), path(id, "/submit"), null).expect(200);
        long rows = journalRows();
        String numbersBefore = jdbc.queryForObject("SELECT count(*)::text FROM registry.registration_number", String.class);
        var p = api.post(registrar, path(id, "/register"), null).expect(409);
        assertThat(p.text("paragraph")).isEqualTo("¶3-10");
        // Rolled back: no journal row, no number used up.
        assertThat(journalRows()).isEqualTo(rows);
        assertThat(jdbc.queryForObject("SELECT count(*)::text FROM registry.registration_number", String.class)).isEqualTo(numbersBefore);
        var cov = api.get(registrar, path(id, "/collateral-assessment")).expect(200).node();
        assertThat(cov.path("verdict").asString()).isEqualTo("NOT_SECURED");
        assertThat(cov.path("steps").size()).isPositive();
    }

    @Test
    void unsuccessfulPlacementCancelsTheNumberAndTheVAsAreBurned() {
        var issuer = fx.issuer(registrar);
        UUID id = placing(issuer);
        fx.at(LocalDate.of(2026, 8, 3));
        reportResults(issuer, id, 100_000);
        assertThat(api.post(registrar, path(id, "/successful"), Map.of("ground", "MINIMUM_QUANTITY_PLACED")).expect(409)
                .text("paragraph")).isEqualTo("¶29(2)");
        var un = api.post(registrar, path(id, "/unsuccessful"), Map.of("grounds", "fewer than the minimum quantity placed (¶29)")).expect(200);
        assertThat(un.text("state")).isEqualTo("UNSUCCESSFUL");
        String number = un.text("registrationNumber");
        assertThat(jdbc.queryForObject("SELECT status FROM registry.registration_number WHERE number = ?", String.class, number))
                .isEqualTo("CANCELLED");
        // ¶53: the VAs are withdrawn by burning.
        api.post(issuer.user(), path(id, "/burns"), Map.of("quantity", 100_000, "reason", "WITHDRAWAL")).expect(200);
        // ¶55-56 notices.
        api.post(registrar, path(id, "/notices"), Map.of("kind", "WRITTEN_CONFIRMATION")).expect(200);
        api.post(registrar, path(id, "/notices"), Map.of("kind", "WEBSITE_PUBLICATION")).expect(200);
        assertThat(api.post(registrar, path(id, "/notices"), Map.of("kind", "WEBSITE_PUBLICATION")).expect(409).text("paragraph"))
                .isEqualTo("¶56");
        // A cancelled number stays cancelled, in the database itself.
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                "UPDATE registry.registration_number SET status = 'ACTIVE', cancelled_on = NULL WHERE number = ?", number))
                .hasMessageContaining("stays cancelled");
        // The issuer's next emission gets the next serial, never the cancelled one (¶60).
        UUID second = registered(issuer);
        assertThat(api.get(registrar, path(second, "")).text("registrationNumber")).isEqualTo("KG0102" + issuer.code() + "1");
    }

    @Test
    void afterTenWorkingDaysTheEmissionCanNoLongerBeDeclaredUnsuccessful() {
        var issuer = fx.issuer(registrar);
        UUID id = placing(issuer);
        fx.at(LocalDate.of(2026, 8, 3));
        reportResults(issuer, id, 100_000);
        // ¶34: reported Monday 3 August; the 10th working day after is 17 August.
        fx.at(LocalDate.of(2026, 8, 18));
        var late = api.post(registrar, path(id, "/unsuccessful"), Map.of("grounds", "too late")).expect(409);
        assertThat(late.text("paragraph")).isEqualTo("¶34");
        assertThat(late.text("detail")).contains("2026-08-17");
    }

    @Test
    void suspensionAndResumption() {
        var issuer = fx.issuer(registrar);
        UUID id = placing(issuer);
        var s = decide(supervisor, registrar, path(id, "/suspend"), Map.of("grounds", "inspection of disclosed information (¶50)")).expect(200);
        assertThat(s.text("state")).isEqualTo("SUSPENDED");
        assertThat(s.text("stateBeforeSuspension")).isEqualTo("PLACEMENT");
        fx.at(LocalDate.of(2026, 8, 3));
        String report = fx.doc(issuer, issuer.user(), id, "RESULTS_REPORT");
        assertThat(api.post(issuer.user(), path(id, "/results"), Map.of("actualPlacementEnd", "2026-07-31", "placedQuantity", 1,
                "proceeds", "1", "reportDocumentId", report)).expect(409).text("paragraph")).isEqualTo("¶30");
        var cure = api.post(registrar, path(id, "/cure-period"), Map.of("grounds", "white paper risk section incomplete")).expect(200);
        assertThat(cure.text("cureDeadline")).isEqualTo("2026-08-17"); // ¶37: 10 WD
        // ¶37: not unsuccessful while the cure period runs.
        assertThat(api.post(registrar, path(id, "/unsuccessful"), Map.of("grounds", "not cured")).expect(409).text("paragraph"))
                .isEqualTo("¶37");
        // Only the registrar lifts; the issuer may not.
        api.post(issuer.user(), path(id, "/lift-suspension"), null).expect(403);
        var lifted = api.post(registrar, path(id, "/lift-suspension"), null).expect(200);
        assertThat(lifted.text("state")).isEqualTo("PLACEMENT");
        reportResults(issuer, id, 1_000_000);
        api.post(registrar, path(id, "/successful"), Map.of("ground", "ALL_PLACED")).expect(200);
    }

    @Test
    void invalidationByACourtAndNotGenuineAreDistinct() {
        var issuer = fx.issuer(registrar);
        UUID id = placing(issuer);
        String court = fx.doc(null, registrar, id, "COURT_DECISION");
        String notGenuine = fx.doc(null, registrar, id, "NOT_GENUINE_DECISION");
        // ¶52: not genuine only after success.
        assertThat(api.post(registrar, path(id, "/not-genuine"), Map.of("decisionId", notGenuine)).expect(409).text("paragraph"))
                .isEqualTo("¶52");
        var inv = decide(registrar, supervisor, path(id, "/invalid"), Map.of("court", "Bishkek inter-district court", "courtDecisionId", court)).expect(200);
        assertThat(inv.text("state")).isEqualTo("INVALID");
        assertThat(api.get(null, "/api/v1/public/register/" + inv.text("registrationNumber")).node().path("numberStatus").asString())
                .isEqualTo("CANCELLED");
        // Issuers cannot file a court decision.
        fx.at(LocalDate.of(2026, 6, 10));
        api.upload(issuer.user(), id, "COURT_DECISION", "c.pdf", new byte[] {1}).expect(403);

        var other = fx.issuer(registrar);
        UUID ok = placing(other);
        fx.at(LocalDate.of(2026, 8, 3));
        reportResults(other, ok, 1_000_000);
        api.post(registrar, path(ok, "/successful"), Map.of("ground", "ALL_PLACED")).expect(200);
        String decision = fx.doc(null, registrar, ok, "NOT_GENUINE_DECISION");
        assertThat(decide(registrar, registrar2, path(ok, "/not-genuine"), Map.of("decisionId", decision)).expect(200).text("state"))
                .isEqualTo("NOT_GENUINE");
    }

    @Test
    void cancellationOnLiquidationCancelsTheNumber() {
        var issuer = fx.issuer(registrar);
        UUID id = registered(issuer);
        String basis = fx.doc(null, registrar, id, "LIQUIDATION_DECISION");
        var c = decide(registrar, registrar2, path(id, "/cancel"), Map.of("basis", "ISSUER_LIQUIDATED", "basisDocumentId", basis)).expect(200);
        assertThat(c.text("state")).isEqualTo("CANCELLED");
        assertThat(c.text("numberCancelledOn")).isEqualTo(JUNE_1.toString());
        var journal = jdbc.queryForObject("SELECT convert_from(canonical_json, 'UTF8') FROM registry.journal WHERE record_type = 'EmissionCancelled'"
                + " AND convert_from(canonical_json, 'UTF8') LIKE ?", String.class, "%" + id + "%");
        JsonNode rec = json.readTree(journal);
        assertThat(rec.path("events").valueStream().map(x -> x.path("type").asString()).toList())
                .containsExactly("EmissionCancelled", "RegistrationNumberCancelled", "DecisionConfirmed");
        assertThat(rec.path("documents").get(0).path("sha256").asString()).matches("[0-9a-f]{64}");
    }

    @Test
    void whitePaperChangesNeedTheRegulatorsConsent() {
        var issuer = fx.issuer(registrar);
        UUID id = registered(issuer);
        String registeredSha = api.get(issuer.user(), path(id, "")).text("whitePaperSha256");
        String change = fx.doc(issuer, issuer.user(), id, "WHITE_PAPER_CHANGE");
        api.post(issuer.user(), path(id, "/white-paper-changes"), Map.of("documentId", change)).expect(200);
        assertThat(api.post(issuer.user(), path(id, "/white-paper-changes"), Map.of("documentId", change)).expect(409).text("paragraph"))
                .isEqualTo("¶7");
        var approved = api.post(registrar, path(id, "/white-paper-changes/answer"), Map.of("approve", true)).expect(200);
        assertThat(approved.text("whitePaperSha256")).isNotEqualTo(registeredSha);
    }

    @Test
    void para59_quantityAndNominalValueChangeOnlyThroughTheRegisterWithConsent() {
        var issuer = fx.issuer(registrar);
        UUID id = registered(issuer);
        String number = api.get(issuer.user(), path(id, "")).text("registrationNumber");
        // Editing the data of a registered emission is refused (¶59).
        var app = RegisterApi.application(issuer.id(), JUNE_1, LocalDate.of(2026, 7, 31), LocalDate.of(2026, 5, 25));
        app.put("quantity", 1_200_000);
        app.put("version", api.get(issuer.user(), path(id, "")).node().path("version").asLong());
        assertThat(api.send(issuer.user(), "PUT", path(id, ""), api.write(app), Map.of()).expect(409).text("paragraph")).isEqualTo("¶59");
        // Bad input is 400 with the field.
        String change = fx.doc(issuer, issuer.user(), id, "WHITE_PAPER_CHANGE");
        assertThat(api.post(issuer.user(), path(id, "/white-paper-changes"), Map.of("documentId", change, "quantity", -5)).expect(400)
                .node().path("errors").get(0).path("field").asString()).isEqualTo("quantity");

        // Asked for with the ¶7 change: the register keeps 1,000,000 until the regulator consents.
        var asked = api.post(issuer.user(), path(id, "/white-paper-changes"), Map.of("documentId", change, "quantity", 1_200_000)).expect(200);
        assertThat(asked.text("quantity")).isEqualTo("1000000");
        assertThat(asked.text("pendingQuantity")).isEqualTo("1200000");
        assertThat(api.get(null, "/api/v1/public/register/" + number).node().path("quantity").asString()).isEqualTo("1000000");
        // ¶3-5: 1,000,000 KGS of money does not cover 1,200,000 KGS — consent is refused by the rule, nothing changes.
        long rows = journalRows();
        assertThat(api.post(registrar, path(id, "/white-paper-changes/answer"), Map.of("approve", true)).expect(409).text("paragraph"))
                .isEqualTo("¶3-5");
        assertThat(journalRows()).isEqualTo(rows);
        api.post(registrar, path(id, "/white-paper-changes/answer"), Map.of("approve", false, "reasons", "not covered (¶3-5)")).expect(200);
        assertThat(api.get(issuer.user(), path(id, "")).node().path("pendingQuantity").isNull()).isTrue();

        // A reduction the collateral covers: consented, the register changed, journaled with the new ¶62 entry.
        String change2 = fx.doc(issuer, issuer.user(), id, "WHITE_PAPER_CHANGE");
        api.post(issuer.user(), path(id, "/white-paper-changes"), Map.of("documentId", change2, "quantity", 900_000,
                "nominalValue", "1.05")).expect(200);
        var approved = api.post(registrar, path(id, "/white-paper-changes/answer"), Map.of("approve", true)).expect(200);
        assertThat(approved.text("quantity")).isEqualTo("900000");
        assertThat(new java.math.BigDecimal(approved.node().path("nominalValue").asString())).isEqualByComparingTo("1.05");
        assertThat(approved.text("onChainSupply")).isEqualTo("900000000000");
        assertThat(api.get(null, "/api/v1/public/register/" + number).node().path("quantity").asString()).isEqualTo("900000");
        JsonNode rec = json.readTree(jdbc.queryForObject("SELECT convert_from(canonical_json, 'UTF8') FROM registry.journal"
                + " WHERE convert_from(canonical_json, 'UTF8') LIKE ? ORDER BY id DESC LIMIT 1", String.class, "%" + id + "%"));
        assertThat(rec.path("type").asString()).isEqualTo("WhitePaperChangeApproved");
        JsonNode amended = rec.path("events").get(1);
        assertThat(amended.path("type").asString()).isEqualTo("RegisterAmended");
        assertThat(amended.path("paragraph").asString()).contains("¶59");
        assertThat(amended.path("changes").path("quantityBefore").asString()).isEqualTo("1000000");
        assertThat(amended.path("changes").path("nominalValue").asString()).isEqualTo("1.05");
        assertThat(amended.path("changes").path("entry").path("quantity").asString()).isEqualTo("900000");
        assertThat(api.get(null, "/api/v1/public/register/" + number + "/history").node().valueStream()
                .map(h -> h.path("type").asString())).contains("RegisterAmended");
    }

    @Test
    void deadlinesViewShowsWhatIsDueByWhomAndWhatIsOverdue() {
        var issuer = fx.issuer(registrar);
        UUID id = fx.completeDraft(issuer, JUNE_1, LocalDate.of(2026, 7, 31), LocalDate.of(2026, 5, 25));
        fx.payUpfront(issuer, id, JUNE_1);
        api.post(issuer.user(), path(id, "/submit"), null).expect(200);
        var due = api.get(registrar, "/api/v1/deadlines?dueBy=REGISTRAR").expect(200).node();
        JsonNode decision = due.valueStream().filter(d -> d.path("emissionId").asString().equals(id.toString())).findFirst().orElseThrow();
        assertThat(decision.path("paragraph").asString()).isEqualTo("¶10");
        assertThat(decision.path("due").asString()).isEqualTo("2026-06-29");
        assertThat(decision.path("overdue").asBoolean()).isFalse();
        fx.at(LocalDate.of(2026, 6, 30));
        var overdue = api.get(registrar, "/api/v1/deadlines?overdueOnly=true").expect(200).node();
        assertThat(overdue.valueStream().filter(d -> d.path("emissionId").asString().equals(id.toString())).toList())
                .singleElement().satisfies(d -> assertThat(d.path("overdue").asBoolean()).isTrue());
        // Another issuer sees none of it.
        var other = fx.issuer(registrar);
        assertThat(api.get(other.user(), "/api/v1/deadlines").expect(200).node().size()).isZero();
    }
}
