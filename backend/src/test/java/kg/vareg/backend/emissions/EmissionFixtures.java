package kg.vareg.backend.emissions;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kg.vareg.backend.register.RegisterClock;
import kg.vareg.backend.kernel.ActorRole;
import kg.vareg.backend.security.UserAccounts;

/** Issuers, users and filed applications for the integration tests, created through the real API. */
public final class EmissionFixtures {
    public static final String PASSWORD = "correct horse battery staple";
    public static final List<String> LEGAL_ENTITY_PACKAGE = List.of("APPLICATION", "DECISION", "WHITE_PAPER",
            "STATE_REGISTRATION_CERTIFICATE", "FOUNDING_DOCUMENTS", "FEE_PAYMENT_PROOF", "SECURITY_DOCUMENTS",
            "COLLATERAL_APPRAISAL", "COLLATERAL_REGISTRATION_PROOF", "FOUNDERS_QUESTIONNAIRES");

    private final RegisterApi api;
    private final UserAccounts users;
    private final RegisterClock clock;
    private static int counter;

    public EmissionFixtures(RegisterApi api, UserAccounts users, RegisterClock clock) {
        this.api = api;
        this.users = users;
        this.clock = clock;
    }

    public void at(LocalDate day) {
        clock.setTo(ZonedDateTime.of(day, LocalTime.of(10, 0), RegisterClock.ZONE).toInstant());
    }

    public synchronized String newUser(ActorRole role, UUID issuerId) {
        String name = role.name().toLowerCase() + "-" + (++counter) + "-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(name, PASSWORD, role, issuerId);
        return name;
    }

    public record IssuerRef(UUID id, String code, String user) {}

    public IssuerRef issuer(String registrar) {
        String code;
        RegisterApi.Response r;
        int attempts = 0;
        do {
            // A random 4-character code may repeat one already assigned in this database (¶68 refuses it): draw again.
            code = UUID.randomUUID().toString().replace("-", "").substring(0, 4).toUpperCase();
            r = api.post(registrar, "/api/v1/issuers", Map.of("kind", "LEGAL_ENTITY", "fullName", "Issuer " + code + " LLC",
                    "legalForm", "limited liability company", "stateRegistrationData", "Ministry of Justice No. 1234-" + code,
                    "legalAddress", "Chui avenue 1, Bishkek", "issuerCode", code, "region", "BISHKEK",
                    "privateData", Map.of("founders", List.of(Map.of("name", "Secret Founder " + code, "share", "100")),
                            "beneficialOwners", List.of(Map.of("name", "Secret Owner " + code)))));
        } while (r.status() == 409 && r.body().contains("already assigned") && ++attempts < 5);
        r.expect(201);
        UUID id = UUID.fromString(r.text("id"));
        return new IssuerRef(id, code, newUser(ActorRole.ISSUER, id));
    }

    /** A draft with the complete ¶9 package filed. */
    public UUID completeDraft(IssuerRef issuer, LocalDate placementStart, LocalDate placementEnd, LocalDate collateralRegisteredOn) {
        return completeDraft(issuer, RegisterApi.application(issuer.id(), placementStart, placementEnd, collateralRegisteredOn));
    }

    /** A draft of this application (see {@link RegisterApi#application}) with the complete ¶9 package filed. */
    public UUID completeDraft(IssuerRef issuer, Map<String, Object> application) {
        var r = api.post(issuer.user(), "/api/v1/emissions", application).expect(201);
        UUID id = UUID.fromString(r.text("id"));
        for (String kind : LEGAL_ENTITY_PACKAGE) {
            api.upload(issuer.user(), id, kind, kind.toLowerCase() + ".pdf",
                    (kind + " of " + id).getBytes(StandardCharsets.UTF_8)).expect(201);
        }
        return id;
    }

    /** ¶28: pays the 20% upfront part (total fee 0.01% of 1,000,000 KGS = 100 KGS → 20 KGS). */
    public void payUpfront(IssuerRef issuer, UUID id, LocalDate on) {
        api.post(issuer.user(), "/api/v1/emissions/" + id + "/fees/payments",
                Map.of("paidOn", on.toString(), "amount", "20.00", "currency", "KGS")).expect(201);
    }

    public String doc(IssuerRef issuerOrNull, String user, UUID id, String kind) {
        return api.upload(user, id, kind, kind.toLowerCase() + ".pdf", (kind + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8))
                .expect(201).text("id");
    }
}
