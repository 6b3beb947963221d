package kg.vareg.faults;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies of the register's API (the same shapes as the backend's own API tests). */
final class Register {
    private Register() {}

    static final String ISSUERS = "/api/v1/issuers";
    static final String EMISSIONS = "/api/v1/emissions";

    /** An issuer record (¶62, ¶67-68); code = 4 capital letters or digits, unique in the register. */
    static Map<String, Object> issuer(String fullName, String code) {
        return Map.of("kind", "LEGAL_ENTITY", "fullName", fullName, "legalForm", "limited liability company",
                "stateRegistrationData", "Ministry of Justice No. " + code, "legalAddress", "Chui avenue 1, Bishkek",
                "issuerCode", code, "region", "BISHKEK",
                "privateData", Map.of("founders", List.of(Map.of("name", "Founder of " + code, "share", "100"))));
    }

    /** The ¶5 decision data of a money-backed stablecoin, placed a month from today. */
    static Map<String, Object> application(UUID issuerId) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Bishkek"));
        Map<String, Object> m = new HashMap<>();
        m.put("issuerId", issuerId.toString());
        m.put("vaType", "STABLECOIN");
        m.put("quantity", 1_000_000);
        m.put("minimumQuantity", 600_000);
        m.put("tokenDecimals", 6);
        m.put("nominalValue", "1.00");
        m.put("nominalCurrency", "KGS");
        m.put("placementPrice", "1.00 KGS per token");
        m.put("placementStart", today.plusDays(30).toString());
        m.put("placementEnd", today.plusDays(90).toString());
        m.put("placementTerms", "public placement on a licensed crypto exchange");
        m.put("presaleTerms", "none");
        m.put("circulationTerms", "redeemable 1:1 in KGS at the issuer on any working day");
        m.put("holdersRights", "redemption at nominal value");
        m.put("blockchain", "Ethereum");
        m.put("issuerWallet", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        m.put("tokenAddress", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
        m.put("collateral", List.of(Map.of("type", "MONEY", "appraisedValue", "1000000.00", "currency", "KGS",
                "registeredOn", today.minusDays(1).toString(), "registeredWith", "Optima Bank (escrow account 1234)",
                "description", "KGS deposit in escrow")));
        return m;
    }

    /** A 4-character issuer code from a number (base 36), prefixed to keep the tests' codes apart. */
    static String code(char prefix, int n) {
        String s = Integer.toString(n, 36).toUpperCase();
        if (s.length() > 3) {
            throw new IllegalArgumentException("code space exhausted: " + n);
        }
        return prefix + "0".repeat(3 - s.length()) + s;
    }
}
