package kg.vareg.backend.emissions;

import kg.vareg.backend.kernel.Addresses;
import kg.vareg.backend.kernel.RuleViolation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.UUID;
import kg.vareg.backend.numbering.VirtualAssetType;

/**
 * The data of the issuer's decision (¶5, Annex 1) that the emission is registered with. Quantities are
 * whole virtual assets; on chain each is {@code 10^tokenDecimals} base units.
 */
public record EmissionTerms(
        VirtualAssetType vaType,
        BigInteger quantity,
        BigInteger minimumQuantity,
        int tokenDecimals,
        BigDecimal nominalValue,
        String nominalCurrency,
        String placementPrice,
        LocalDate placementStart,
        LocalDate placementEnd,
        String placementTerms,
        String presaleTerms,
        String circulationTerms,
        String holdersRights,
        String blockchain,
        String issuerWallet,
        String tokenAddress,
        UUID collateralManagerId,
        String pledgorWaiverTerms,
        OnChainToken token) {

    /** uint256: the largest supply an ERC-20 can hold. */
    static final BigInteger UINT256_MAX = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

    /** Decision data without declared token metadata (profile, ERC-20 name and symbol). */
    public EmissionTerms(VirtualAssetType vaType, BigInteger quantity, BigInteger minimumQuantity, int tokenDecimals,
            BigDecimal nominalValue, String nominalCurrency, String placementPrice, LocalDate placementStart,
            LocalDate placementEnd, String placementTerms, String presaleTerms, String circulationTerms, String holdersRights,
            String blockchain, String issuerWallet, String tokenAddress, UUID collateralManagerId, String pledgorWaiverTerms) {
        this(vaType, quantity, minimumQuantity, tokenDecimals, nominalValue, nominalCurrency, placementPrice, placementStart,
                placementEnd, placementTerms, presaleTerms, circulationTerms, holdersRights, blockchain, issuerWallet,
                tokenAddress, collateralManagerId, pledgorWaiverTerms, OnChainToken.UNDECLARED);
    }

    public EmissionTerms {
        token = token == null ? OnChainToken.UNDECLARED : token;
        if (quantity == null || quantity.signum() <= 0) {
            throw new RuleViolation("¶5", "the quantity of virtual assets must be a positive whole number");
        }
        if (minimumQuantity == null || minimumQuantity.signum() <= 0 || minimumQuantity.compareTo(quantity) > 0) {
            throw new RuleViolation("¶29", "the minimum quantity for success must be between 1 and the quantity");
        }
        if (tokenDecimals < 0 || tokenDecimals > 36) {
            throw new RuleViolation("¶5", "token decimals must be between 0 and 36");
        }
        if (quantity.multiply(BigInteger.TEN.pow(tokenDecimals)).compareTo(UINT256_MAX) > 0) {
            throw new RuleViolation("¶5", "quantity × 10^decimals exceeds what a token contract can hold (uint256)");
        }
        if (nominalValue == null || nominalValue.signum() <= 0) {
            throw new RuleViolation("¶1, ¶5", "the nominal value must be positive");
        }
        if (placementStart == null || placementEnd == null || placementEnd.isBefore(placementStart)) {
            throw new RuleViolation("¶5, ¶20", "the placement period must end on or after its start");
        }
        Addresses.requireChecksummed("issuerWallet", issuerWallet);
        Addresses.requireChecksummed("tokenAddress", tokenAddress);
        if (issuerWallet.equalsIgnoreCase(tokenAddress)) {
            throw new RuleViolation("¶5", "the issuer wallet and the smart-contract address must differ");
        }
    }

    /** The emission's total supply on chain in base units (¶5 quantity × 10^decimals). */
    public BigInteger onChainSupply() {
        return quantity.multiply(BigInteger.TEN.pow(tokenDecimals));
    }

    /** ¶26: the total nominal value of all VAs of the issue (the fee base). */
    public BigDecimal totalNominalValue() {
        return nominalValue.multiply(new BigDecimal(quantity));
    }
}
