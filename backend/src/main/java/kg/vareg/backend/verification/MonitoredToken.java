package kg.vareg.backend.verification;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the register says about one emission's token (¶5, ¶9(4), ¶62): the verifier's whole view of
 * the register.
 *
 * @param registrationNumber state registration number (¶67-68), e.g. {@code KG0107AB121}
 * @param chainId chain id of the blockchain named in the decision (¶5), mapped through the configured chains
 * @param tokenAddress smart-contract address (¶5)
 * @param issuerWallet issuer wallet address (¶5)
 * @param registeredQuantity registered quantity in base units (quantity × 10^decimals)
 * @param decimals decimals the register expects the contract to answer
 * @param name expected ERC-20 name, or null when the register does not state one
 * @param symbol expected ERC-20 symbol, or null
 * @param vaType type of VA (¶62, ¶68 position 2), e.g. "STABLECOIN", "DIGITAL_TOKEN"
 * @param phase current state of the emission
 * @param phaseSince when the current phase began (for mints after suspension or cancellation), or null
 * @param placementStart first day of the placement period (¶5, ¶20), or null when not yet set
 * @param placementEnd last day of the placement period, or null
 * @param profile how the token announces supply changes
 * @param reportedPlacedQuantity quantity placed according to the results report (¶30, Annex 6), in base
 *     units, or null when no report was filed
 */
public record MonitoredToken(
        String registrationNumber,
        long chainId,
        String tokenAddress,
        String issuerWallet,
        BigInteger registeredQuantity,
        int decimals,
        String name,
        String symbol,
        String vaType,
        EmissionPhase phase,
        Instant phaseSince,
        LocalDate placementStart,
        LocalDate placementEnd,
        TokenProfile profile,
        BigInteger reportedPlacedQuantity) {

    public MonitoredToken {
        Objects.requireNonNull(registrationNumber, "registrationNumber");
        tokenAddress = normalise(Objects.requireNonNull(tokenAddress, "tokenAddress"));
        issuerWallet = normalise(Objects.requireNonNull(issuerWallet, "issuerWallet"));
        Objects.requireNonNull(registeredQuantity, "registeredQuantity");
        Objects.requireNonNull(phase, "phase");
        profile = profile == null ? TokenProfile.TRANSFER : profile;
    }

    public Optional<BigInteger> reportedPlaced() {
        return Optional.ofNullable(reportedPlacedQuantity);
    }

    /** Addresses are compared and stored lower-case (EIP-55 case is only a checksum). */
    public static String normalise(String address) {
        String a = address.trim().toLowerCase(Locale.ROOT);
        if (!a.matches("0x[0-9a-f]{40}")) {
            throw new IllegalArgumentException("not an EVM address: " + address);
        }
        return a;
    }

    public MonitoredToken withPhase(EmissionPhase newPhase, Instant since) {
        return new MonitoredToken(registrationNumber, chainId, tokenAddress, issuerWallet, registeredQuantity, decimals,
                name, symbol, vaType, newPhase, since, placementStart, placementEnd, profile, reportedPlacedQuantity);
    }

    public MonitoredToken withReportedPlaced(BigInteger placed) {
        return new MonitoredToken(registrationNumber, chainId, tokenAddress, issuerWallet, registeredQuantity, decimals,
                name, symbol, vaType, phase, phaseSince, placementStart, placementEnd, profile, placed);
    }
}
