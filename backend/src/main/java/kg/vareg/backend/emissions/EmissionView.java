package kg.vareg.backend.emissions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An emission as its issuer and the regulator see it (not the public register view). Quantities as strings. */
public record EmissionView(UUID id, long version, UUID issuerId, String state, String stateBeforeSuspension,
        String registrationNumber, String vaType, String quantity, String minimumQuantity, int tokenDecimals,
        String onChainSupply, BigDecimal nominalValue, String nominalCurrency, String placementPrice,
        LocalDate placementStart, LocalDate placementEnd, String blockchain, String issuerWallet, String tokenAddress,
        List<CollateralView> collateral, String whitePaperSha256, String pendingWhitePaperSha256,
        LocalDate submittedOn, LocalDate decisionDue, LocalDate registeredOn, String refusalGrounds,
        LocalDate offerDisclosedOn, String offerUrl, LocalDate placementStartedOn, LocalDate resultsReportedOn,
        String placedQuantity, BigDecimal proceeds, LocalDate actualPlacementEnd, LocalDate resultsDecidedOn,
        String successGround, LocalDate cureDeadline, String cureBreaches, String burnedQuantity,
        String unplacedRemaining, LocalDate numberCancelledOn, String tokenProfile, String tokenName, String tokenSymbol,
        /* ¶59: asked for with the pending ¶7 change, not yet in the register */ String pendingQuantity,
        BigDecimal pendingNominalValue) {

    public record CollateralView(String type, BigDecimal appraisedValue, String currency, LocalDate appraisalDate,
            LocalDate registeredOn, String registeredWith, String description) {}

    public static EmissionView of(Emission e) {
        return new EmissionView(e.id(), e.version(), e.issuerId(), e.state().name(),
                e.stateBeforeSuspension().map(Enum::name).orElse(null), e.registrationNumber().orElse(null),
                e.vaType().name(), e.quantity().toString(), e.terms().minimumQuantity().toString(), e.tokenDecimals(),
                e.terms().onChainSupply().toString(), e.nominalValue().stripTrailingZeros(), e.nominalCurrency(),
                e.placementPrice(), e.placementStart(), e.placementEnd(), e.blockchain(), e.issuerWallet(), e.tokenAddress(),
                e.collateral().stream().map(c -> new CollateralView(c.type().name(), c.appraisedValue().stripTrailingZeros(),
                        c.currency(), c.appraisalDate(), c.registeredOn(), c.registeredWith(), c.description())).toList(),
                e.whitePaperSha256().orElse(null), e.pendingWhitePaperSha256().orElse(null),
                e.submittedOn().orElse(null), e.decisionDue().orElse(null), e.registeredOn().orElse(null),
                e.refusalGrounds().orElse(null), e.offerDisclosedOn().orElse(null), e.offerUrl().orElse(null),
                e.placementStartedOn().orElse(null), e.resultsReportedOn().orElse(null),
                e.placedQuantity().map(Object::toString).orElse(null), e.proceeds().map(BigDecimal::stripTrailingZeros).orElse(null),
                e.actualPlacementEnd().orElse(null), e.resultsDecidedOn().orElse(null),
                e.successGround().map(Enum::name).orElse(null), e.cureDeadline().orElse(null), e.cureBreaches().orElse(null),
                e.burnedQuantity().toString(), e.unplacedRemaining().toString(), e.numberCancelledOn().orElse(null),
                e.terms().token().profile() == null ? null : e.terms().token().profile().name(), e.terms().token().name(),
                e.terms().token().symbol(),
                e.pendingRegisterChange().map(RegisterChange::quantity).map(Object::toString).orElse(null),
                e.pendingRegisterChange().map(RegisterChange::nominalValue).map(BigDecimal::stripTrailingZeros).orElse(null));
    }
}
