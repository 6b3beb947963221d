package kg.vareg.backend.security;

import kg.vareg.backend.kernel.ActorRole;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kg.vareg.backend.register.RegisterClock;

/** Seeds issuers and emissions through the real API (four-eyes included) for the security tests. */
final class Seed {
    static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);
    static final List<String> PACKAGE = List.of("APPLICATION", "DECISION", "WHITE_PAPER", "STATE_REGISTRATION_CERTIFICATE",
            "FOUNDING_DOCUMENTS", "FEE_PAYMENT_PROOF", "SECURITY_DOCUMENTS", "COLLATERAL_APPRAISAL",
            "COLLATERAL_REGISTRATION_PROOF", "FOUNDERS_QUESTIONNAIRES");
    private static int counter;

    final Http http;
    final UserAccounts users;
    final RegisterClock clock;

    Seed(Http http, UserAccounts users, RegisterClock clock) {
        this.http = http;
        this.users = users;
        this.clock = clock;
    }

    void at(LocalDate day) {
        clock.setTo(ZonedDateTime.of(day, LocalTime.of(10, 0), RegisterClock.ZONE).toInstant());
    }

    synchronized String user(ActorRole role, UUID issuerId) {
        String name = "sec-" + role.name().toLowerCase() + "-" + (++counter) + "-" + UUID.randomUUID().toString().substring(0, 6);
        users.create(name, Http.PASSWORD, role, issuerId);
        return name;
    }

    record IssuerRef(UUID id, String code, String user) {}

    IssuerRef issuer(String registrar, Map<String, Object> privateData) {
        String code = UUID.randomUUID().toString().replace("-", "").substring(0, 4).toUpperCase();
        var r = http.post(registrar, "/api/v1/issuers", Map.of("kind", "LEGAL_ENTITY", "fullName", "Issuer " + code + " LLC",
                "legalForm", "limited liability company", "stateRegistrationData", "Ministry of Justice No. 1234-" + code,
                "legalAddress", "Chui avenue 1, Bishkek", "issuerCode", code, "region", "BISHKEK",
                "privateData", privateData)).expect(201);
        UUID id = UUID.fromString(r.text("id"));
        return new IssuerRef(id, code, user(ActorRole.ISSUER, id));
    }

    static Map<String, Object> application(UUID issuerId) {
        Map<String, Object> m = new HashMap<>();
        m.put("issuerId", issuerId.toString());
        m.put("vaType", "STABLECOIN");
        m.put("quantity", 1_000_000);
        m.put("minimumQuantity", 600_000);
        m.put("tokenDecimals", 6);
        m.put("nominalValue", "1.00");
        m.put("nominalCurrency", "KGS");
        m.put("placementPrice", "1.00 KGS per token");
        m.put("placementStart", JUNE_1.toString());
        m.put("placementEnd", "2026-07-31");
        m.put("placementTerms", "public placement on a licensed crypto exchange");
        m.put("presaleTerms", "none");
        m.put("circulationTerms", "redeemable 1:1 in KGS");
        m.put("holdersRights", "redemption at nominal value");
        m.put("blockchain", "Ethereum");
        m.put("issuerWallet", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        m.put("tokenAddress", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
        m.put("collateral", List.of(Map.of("type", "MONEY", "appraisedValue", "1000000.00", "currency", "KGS",
                "registeredOn", "2026-05-25", "registeredWith", "Optima Bank (escrow account 1234)",
                "description", "KGS deposit in escrow")));
        return m;
    }

    /** A filed (SUBMITTED) application with the complete ¶9 package and the upfront fee paid. */
    UUID submitted(IssuerRef issuer, Map<String, byte[]> contentByKind) {
        at(JUNE_1);
        UUID id = UUID.fromString(http.post(issuer.user(), "/api/v1/emissions", application(issuer.id())).expect(201).text("id"));
        for (String kind : PACKAGE) {
            byte[] content = contentByKind.getOrDefault(kind, (kind + " of " + id).getBytes(StandardCharsets.UTF_8));
            http.upload(issuer.user(), "/api/v1/emissions/" + id + "/documents", kind, kind.toLowerCase() + ".pdf",
                    "application/pdf", content).expect(201);
        }
        http.post(issuer.user(), "/api/v1/emissions/" + id + "/fees/payments",
                Map.of("paidOn", JUNE_1.toString(), "amount", "20.00", "currency", "KGS")).expect(201);
        http.post(issuer.user(), "/api/v1/emissions/" + id + "/submit", null).expect(200);
        return id;
    }

    /** Proposed by one staff member, confirmed by another. */
    Http.Response decide(String proposer, String confirmer, String path, Object body) {
        http.post(proposer, path, body).expect(202);
        return http.post(confirmer, path, body);
    }
}
