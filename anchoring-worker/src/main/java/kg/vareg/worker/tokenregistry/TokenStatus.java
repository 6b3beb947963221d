package kg.vareg.worker.tokenregistry;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The status the register wants TokenRegistry to hold for one token, in the contract's codes
 * (docs/contracts.md, "State codes" and "VA type codes").
 */
public record TokenStatus(long chainId, String token, String registrationNumber, int state, int vaType,
                          BigInteger registeredQuantity) {

    /**
     * Register emission state (backend {@code EmissionState}) → TokenRegistry state code. States before a
     * number is assigned (DRAFT, SUBMITTED, REFUSED) have no code: such an emission is not in the register
     * (¶3, ¶57) and nothing is written. OFFER_DISCLOSED is still "number assigned, placement not started".
     */
    static final Map<String, Integer> STATE_CODES = Map.ofEntries(
            Map.entry("REGISTERED", 1),         // ¶1, ¶57
            Map.entry("OFFER_DISCLOSED", 1),    // ¶20-21: offer published, placement not started
            Map.entry("PLACEMENT", 2),          // ¶20-24
            Map.entry("SUSPENDED", 3),          // ¶25(1), ¶50
            Map.entry("RESULTS_REPORTED", 4),   // ¶29-34: placement over, results not yet recognised
            Map.entry("SUCCESSFUL", 5),         // ¶34, ¶38
            Map.entry("UNSUCCESSFUL", 6),       // ¶25(2), ¶34, ¶44, ¶48
            Map.entry("INVALID", 7),            // ¶25(3)
            Map.entry("NOT_GENUINE", 8),        // ¶52, ¶63-64
            Map.entry("CANCELLED", 9));         // ¶35, ¶45-47

    /** The type digit of the registration number (¶68): 1 stablecoin, 2 digital token. */
    static final Map<String, Integer> VA_TYPE_CODES = Map.of("STABLECOIN", 1, "DIGITAL_TOKEN", 2);

    static Optional<Integer> stateCode(String emissionState) {
        return Optional.ofNullable(emissionState).map(STATE_CODES::get);
    }

    static Optional<Integer> vaTypeCode(String vaType) {
        return Optional.ofNullable(vaType).map(VA_TYPE_CODES::get);
    }

    /** ¶67-68: the 11 ASCII characters left-aligned in a bytes12, zero-padded. */
    public static byte[] bytes12(String registrationNumber) {
        byte[] ascii = registrationNumber.getBytes(StandardCharsets.US_ASCII);
        if (ascii.length != 11 || !registrationNumber.matches("[A-Z0-9]{11}")) {
            throw new IllegalArgumentException("a registration number has 11 characters A-Z 0-9 (¶68): " + registrationNumber);
        }
        byte[] out = new byte[12];
        System.arraycopy(ascii, 0, out, 0, 11);
        return out;
    }

    /**
     * The chain id an emission's declared blockchain names: {@code eip155:<id>} (CAIP-2), the worker's own
     * chain name, or a configured name. Empty: the chain is unknown and the token cannot be mirrored.
     */
    static Optional<Long> chainId(String blockchain, Map<String, Long> configured, String ownName, long ownId) {
        if (blockchain == null || blockchain.isBlank()) {
            return Optional.empty();
        }
        String b = blockchain.strip();
        if (b.regionMatches(true, 0, "eip155:", 0, 7)) {
            try {
                long id = Long.parseLong(b.substring(7));
                return id > 0 ? Optional.of(id) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        if (ownName != null && b.equalsIgnoreCase(ownName.strip())) {
            return Optional.of(ownId);
        }
        return configured.entrySet().stream().filter(e -> e.getKey().strip().equalsIgnoreCase(b))
                .map(Map.Entry::getValue).findFirst();
    }
}
