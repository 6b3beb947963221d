package kg.vareg.backend.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The regulation's rules as a pure function of register data and chain readings. */
class FindingRulesTest {
    static final ZoneId BISHKEK = ZoneId.of("Asia/Bishkek");
    static final String TOKEN = "0x00000000000000000000000000000000000000aa";
    static final String ISSUER = "0x00000000000000000000000000000000000000bb";
    static final LocalDate START = LocalDate.of(2026, 3, 2);
    static final LocalDate END = LocalDate.of(2026, 4, 30);

    static MonitoredToken token(EmissionPhase phase) {
        return new MonitoredToken("KG0101AB121", 1, TOKEN, ISSUER, BigInteger.valueOf(1000), 0, "T", "T", "STABLECOIN",
                phase, Instant.parse("2026-05-01T00:00:00Z"), START, END, TokenProfile.TRANSFER, null);
    }

    static ContractReading reading(long supply, long issuerBalance) {
        return new ContractReading(100, true, "0xcode", Optional.empty(), "NONE", Optional.of("T"), Optional.of("T"),
                Optional.of(0), Optional.of(BigInteger.valueOf(supply)), Optional.of(BigInteger.valueOf(issuerBalance)),
                Optional.of(ISSUER));
    }

    static ChainEvent mint(long amount, String at) {
        return new ChainEvent(EventKind.MINT, "0xtx", 0, 50, "0xb", EventDecoder.ZERO, ISSUER, BigInteger.valueOf(amount),
                ISSUER, TOKEN, Instant.parse(at));
    }

    static List<FindingKind> evaluate(MonitoredToken t, ContractReading r, List<ChainEvent> mints, LocalDate today) {
        BigInteger minted = mints.stream().map(ChainEvent::amount).reduce(BigInteger.ZERO, BigInteger::add);
        EventTotals totals = new EventTotals(minted, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, minted, BigInteger.ZERO);
        return FindingRules.evaluate(new FindingRules.Input(t, r, totals, mints, List.of(), Optional.empty(),
                Optional.of("0xcode"), today, BISHKEK, List.of())).stream().map(FindingCondition::kind).toList();
    }

    @Test
    void aMintInsideThePeriodByTheIssuerWithinTheQuantityIsClean() {
        assertThat(evaluate(token(EmissionPhase.PLACEMENT), reading(500, 500), List.of(mint(500, "2026-03-10T06:00:00Z")),
                LocalDate.of(2026, 3, 11))).isEmpty();
    }

    @Test
    void aMintOutsideThePlacementPeriodIsReported() {
        // 2026-04-30T19:00Z is already 1 May in Bishkek (UTC+6): the day counts in the regulator's zone
        assertThat(evaluate(token(EmissionPhase.PLACEMENT), reading(500, 500), List.of(mint(500, "2026-04-30T19:00:00Z")),
                LocalDate.of(2026, 5, 2))).containsExactly(FindingKind.MINT_OUTSIDE_PLACEMENT_PERIOD);
        assertThat(evaluate(token(EmissionPhase.PLACEMENT), reading(500, 500), List.of(mint(500, "2026-04-30T17:00:00Z")),
                LocalDate.of(2026, 5, 2))).isEmpty();
    }

    @Test
    void aMintBeforeRegistrationIsReported() {
        assertThat(evaluate(token(EmissionPhase.APPLIED), reading(500, 500), List.of(mint(500, "2026-03-10T06:00:00Z")),
                LocalDate.of(2026, 3, 11))).containsExactly(FindingKind.MINT_BEFORE_REGISTRATION);
    }

    @Test
    void vasOfAnUnsuccessfulEmissionMustBeWithdrawn() {
        assertThat(evaluate(token(EmissionPhase.UNSUCCESSFUL), reading(500, 500), List.of(mint(500, "2026-03-10T06:00:00Z")),
                LocalDate.of(2026, 5, 11))).containsExactly(FindingKind.VAS_NOT_WITHDRAWN);
        assertThat(evaluate(token(EmissionPhase.UNSUCCESSFUL), reading(0, 0), List.of(), LocalDate.of(2026, 5, 11))).isEmpty();
    }

    @Test
    void aMintAfterCancellationIsForbiddenButOneBeforeItIsNot() {
        assertThat(evaluate(token(EmissionPhase.CANCELLED), reading(0, 0), List.of(), LocalDate.of(2026, 5, 11))).isEmpty();
        var late = mint(10, "2026-05-01T06:00:00Z");
        assertThat(evaluate(token(EmissionPhase.CANCELLED), reading(10, 10), List.of(late), LocalDate.of(2026, 5, 11)))
                .contains(FindingKind.MINT_WHILE_FORBIDDEN, FindingKind.MINT_OUTSIDE_PLACEMENT_PERIOD, FindingKind.VAS_NOT_WITHDRAWN);
    }

    @Test
    void unplacedVasCountOnlyAfterThePlacementEnded() {
        MonitoredToken done = token(EmissionPhase.COMPLETED);
        List<ChainEvent> mints = List.of(mint(500, "2026-03-10T06:00:00Z"));
        assertThat(evaluate(done, reading(500, 500), mints, END)).isEmpty();
        assertThat(evaluate(done, reading(500, 500), mints, END.plusDays(1))).containsExactly(FindingKind.UNPLACED_NOT_BURNED);
    }

    @Test
    void aMissingContractIsTheOnlyFindingItCanHave() {
        assertThat(evaluate(token(EmissionPhase.PLACEMENT), ContractReading.missing(5), List.of(), END))
                .containsExactly(FindingKind.CONTRACT_MISSING);
    }
}
