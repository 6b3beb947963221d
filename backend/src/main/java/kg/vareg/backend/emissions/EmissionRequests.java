package kg.vareg.backend.emissions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kg.vareg.backend.api.ChecksumAddress;
import kg.vareg.backend.collateral.CollateralType;
import kg.vareg.backend.emissions.EmissionEvent.BurnReason;
import kg.vareg.backend.emissions.EmissionEvent.CancellationBasis;
import kg.vareg.backend.emissions.EmissionEvent.Channel;
import kg.vareg.backend.emissions.EmissionEvent.NoticeKind;
import kg.vareg.backend.emissions.EmissionEvent.Recipient;
import kg.vareg.backend.emissions.EmissionEvent.RefusalGround;
import kg.vareg.backend.emissions.EmissionEvent.SuccessGround;
import kg.vareg.backend.numbering.VirtualAssetType;

/** Request bodies of the emission API, with their field-level validation. */
public final class EmissionRequests {
    private EmissionRequests() {}

    public record CollateralRequest(
            @NotNull CollateralType type,
            @NotNull @Positive @Digits(integer = 20, fraction = 18) BigDecimal appraisedValue,
            @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as KGS") String currency,
            LocalDate appraisalDate,
            LocalDate registeredOn,
            @Size(max = 500) String registeredWith,
            @NotBlank @Size(max = 2000) String description) {
        CollateralLine toLine() {
            return new CollateralLine(type, appraisedValue, currency, appraisalDate, registeredOn, registeredWith, description);
        }
    }

    /** ¶5 decision data (Annex 1). */
    public record ApplicationRequest(
            @NotNull UUID issuerId,
            @NotNull VirtualAssetType vaType,
            @NotNull @Positive BigInteger quantity,
            @NotNull @Positive BigInteger minimumQuantity,
            @NotNull @Min(0) @Max(36) Integer tokenDecimals,
            @NotNull @Positive @Digits(integer = 20, fraction = 18) BigDecimal nominalValue,
            @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as KGS") String nominalCurrency,
            @NotBlank @Size(max = 2000) String placementPrice,
            @NotNull LocalDate placementStart,
            @NotNull LocalDate placementEnd,
            @NotBlank @Size(max = 10000) String placementTerms,
            @Size(max = 10000) String presaleTerms,
            @NotBlank @Size(max = 10000) String circulationTerms,
            @Size(max = 10000) String holdersRights,
            @NotBlank @Size(max = 200) String blockchain,
            @NotNull @ChecksumAddress String issuerWallet,
            @NotNull @ChecksumAddress String tokenAddress,
            UUID collateralManagerId,
            @Size(max = 10000) String pledgorWaiverTerms,
            @NotNull @Size(max = 50) List<@Valid @NotNull CollateralRequest> collateral,
            Long version,
            // optional (¶5 technical data), checked by the on-chain verifier: docs/verifier.md
            TokenEventProfile tokenProfile,
            @Size(min = 1, max = 100) @Pattern(regexp = "^\\P{Cntrl}*$", message = "must not contain control characters") String tokenName,
            @Size(min = 1, max = 20) @Pattern(regexp = "^\\P{Cntrl}*$", message = "must not contain control characters") String tokenSymbol) {

        EmissionTerms terms() {
            return new EmissionTerms(vaType, quantity, minimumQuantity, tokenDecimals, nominalValue, nominalCurrency,
                    placementPrice, placementStart, placementEnd, placementTerms, presaleTerms, circulationTerms,
                    holdersRights, blockchain, issuerWallet, tokenAddress, collateralManagerId, pledgorWaiverTerms,
                    new OnChainToken(tokenProfile, tokenName, tokenSymbol));
        }

        List<CollateralLine> lines() {
            return collateral.stream().map(CollateralRequest::toLine).toList();
        }
    }

    public record RefusalRequest(@NotEmpty List<@NotNull RefusalGround> grounds, @NotBlank @Size(max = 10000) String reasons) {}

    public record DocumentRef(@NotNull UUID documentId) {}

    /**
     * ¶7 with ¶59: the changed white paper (a WHITE_PAPER_CHANGE document) and, optionally, the new quantity and / or
     * nominal value — changed in the register only when the regulator consents.
     */
    public record WhitePaperChangeRequest(@NotNull UUID documentId, @Positive BigInteger quantity,
            @Positive @Digits(integer = 20, fraction = 18) BigDecimal nominalValue) {
        RegisterChange registerChange() {
            return quantity == null && nominalValue == null ? null : new RegisterChange(quantity, nominalValue);
        }
    }

    public record WhitePaperAnswer(@NotNull Boolean approve, @Size(max = 10000) String reasons) {}

    public record OfferRequest(@NotNull LocalDate disclosedOn,
            @NotBlank @Size(max = 2000) @Pattern(regexp = "^https?://.+", message = "must be an http(s) URL") String url) {}

    public record PlacementRequest(@NotNull LocalDate startedOn) {}

    public record GroundsRequest(@NotBlank @Size(max = 10000) String grounds) {}

    public record ResultsRequest(@NotNull LocalDate actualPlacementEnd, @NotNull @PositiveOrZero BigInteger placedQuantity,
            @NotNull @DecimalMin("0") @Digits(integer = 20, fraction = 18) BigDecimal proceeds, @NotNull UUID reportDocumentId) {}

    public record SuccessRequest(@NotNull SuccessGround ground, UUID underwritingDocumentId) {}

    public record InvalidityRequest(@NotBlank @Size(max = 500) String court, @NotNull UUID courtDecisionId) {}

    public record NotGenuineRequest(@NotNull UUID decisionId) {}

    public record CancellationRequest(@NotNull CancellationBasis basis, @NotNull UUID basisDocumentId) {}

    public record BurnRequest(@NotNull @Positive BigInteger quantity, @NotNull BurnReason reason,
            @Pattern(regexp = "^0x[0-9a-fA-F]{64}$", message = "must be a 32-byte transaction hash (0x + 64 hex)") String transactionHash,
            UUID decisionDocumentId) {}

    /**
     * ¶11, ¶38-40, ¶54-56. {@code recipients} empty = every recipient the ¶ names; {@code on} empty = today;
     * {@code channel} is required for the ¶55 prior notice; {@code documentId} a REGULATOR_DECISION (the regulator's
     * notices) or RESULTS_DISCLOSURE (¶40) document filed before; {@code url} where ¶56 publishes it.
     */
    public record NoticeRequest(@NotNull NoticeKind kind, @Size(max = 3) List<@NotNull Recipient> recipients, LocalDate on,
            Channel channel, UUID documentId,
            @Size(max = 2000) @Pattern(regexp = "^https?://.+", message = "must be an http(s) URL") String url) {
        NoticeFacts facts() {
            return new NoticeFacts(kind, recipients, on, channel, null, url);
        }
    }

    /** ¶40: the issuer's disclosure of the results to the trading operator. */
    public record DisclosureRequest(LocalDate on, Channel channel, UUID documentId) {}

    public record FeePaymentRequest(@NotNull LocalDate paidOn,
            @NotNull @Positive @Digits(integer = 20, fraction = 18) BigDecimal amount,
            @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code") String currency,
            @Pattern(regexp = "^\\d{4}-Q[1-4]$", message = "must be a quarter like 2026-Q1, or absent for the upfront part") String quarter) {}

    public record QuarterNoticeRequest(
            @NotNull @Pattern(regexp = "^\\d{4}-Q[1-4]$", message = "must be a quarter like 2026-Q1") String quarter,
            @NotNull @DecimalMin("0") @Digits(integer = 30, fraction = 18) BigDecimal placedNominal) {}
}
