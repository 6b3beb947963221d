package kg.vareg.backend.register;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The public part of a register entry (¶62; ¶66: everything except the founders' data). Quantities are decimal
 * strings (they may exceed 2^53); {@code onChainSupply} = quantity × 10^tokenDecimals, what the token's
 * totalSupply may reach.
 */
public record RegisterEntry(
        String registrationNumber, String numberStatus, UUID emissionId, String state, String vaType,
        Issuer issuer,
        String quantity, int tokenDecimals, String onChainSupply, BigDecimal nominalValue, String nominalCurrency,
        String placementPrice, LocalDate placementStart, LocalDate placementEnd, LocalDate placementStartedOn,
        LocalDate actualPlacementEnd, String placedQuantity, String burnedQuantity,
        String blockchain, String issuerWallet, String tokenAddress, String whitePaperSha256,
        LocalDate registeredOn, LocalDate numberCancelledOn, String cancellationBasis) {

    /** ¶62 issuer data: full name, state registration data, legal form, legal address; liquidation/reorganisation as status. */
    public record Issuer(UUID id, String fullName, String legalForm, String stateRegistrationData, String legalAddress,
            String issuerCode, String region, String status) {}
}
