package kg.vareg.backend.verification;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The regulation's rules applied to one token at one verified block: a pure function from what the
 * register says and what the chain shows to the discrepancies that hold now. Findings are then opened,
 * updated and closed to match (so a rule that stops holding closes its finding by itself).
 */
final class FindingRules {

    /**
     * @param mints the token's stored mint events up to the block
     * @param upgrades the token's stored Upgraded events up to the block
     * @param baselineImplementation the implementation seen first (or accepted by a supervisor)
     * @param baselineCodeHash the code hash seen first (or accepted)
     * @param today the regulator's calendar day now (placement period ended?)
     * @param supplyChanges the located changes of totalSupply() no event explains, up to the block (issue 13)
     */
    record Input(MonitoredToken token, ContractReading reading, EventTotals totals,
                 List<ChainEvent> mints, List<ChainEvent> upgrades, Optional<String> baselineImplementation,
                 Optional<String> baselineCodeHash, LocalDate today, ZoneId zone, List<SupplyChange> supplyChanges) {}

    private FindingRules() {}

    static List<FindingCondition> evaluate(Input in) {
        MonitoredToken token = in.token();
        ContractReading r = in.reading();
        long block = r.block();
        List<FindingCondition> out = new ArrayList<>();
        if (!r.codePresent()) {
            out.add(new FindingCondition(FindingKind.CONTRACT_MISSING, "", block, null,
                    "no code at " + token.tokenAddress() + " at block " + block));
            return out; // nothing else can be read from a missing contract
        }
        contractIdentity(in, block, out);
        mints(in, out);

        Optional<BigInteger> supply = r.totalSupply();
        EventTotals totals = in.totals();
        supply.ifPresent(s -> {
            if (s.compareTo(token.registeredQuantity()) > 0) {
                String tx = in.mints().stream().max(Comparator.comparingLong(ChainEvent::blockNumber)
                        .thenComparingInt(ChainEvent::logIndex)).map(ChainEvent::txHash).orElse(null);
                out.add(new FindingCondition(FindingKind.SUPPLY_ABOVE_REGISTERED, "", block, tx,
                        "totalSupply " + s + " > registered quantity " + token.registeredQuantity() + " (base units)"));
            }
            if (token.profile() != TokenProfile.NONE) {
                supplyWithoutEvents(in, s, block, out);
            }
        });
        if (supply.isEmpty()) {
            out.add(new FindingCondition(FindingKind.METADATA_MISMATCH, "totalSupply", block, null,
                    "the contract does not answer totalSupply()"));
        }
        r.issuerBalance().ifPresent(balance -> {
            if (token.profile() != TokenProfile.NONE && balance.compareTo(totals.expectedIssuerBalance()) != 0) {
                out.add(new FindingCondition(FindingKind.ISSUER_BALANCE_MISMATCH, "", block, null,
                        "balanceOf(issuer) " + balance + " but its events give " + totals.expectedIssuerBalance()));
            }
            // ¶45: VAs not placed within the period are burned by the issuer; after successful results the
            // unplaced rest is what the issuer wallet still holds.
            if (token.phase() == EmissionPhase.COMPLETED && token.placementEnd() != null
                    && in.today().isAfter(token.placementEnd()) && balance.signum() > 0) {
                out.add(new FindingCondition(FindingKind.UNPLACED_NOT_BURNED, "", block, null,
                        balance + " unplaced base units still in the issuer wallet after the placement ended "
                                + token.placementEnd()));
            }
        });
        if (EmissionPhase.ALL_VAS_WITHDRAWN.contains(token.phase())) {
            supply.filter(s -> s.signum() > 0).ifPresent(s -> out.add(new FindingCondition(FindingKind.VAS_NOT_WITHDRAWN,
                    "", block, null, s + " base units still exist although the emission is " + token.phase())));
        }
        token.reportedPlaced().ifPresent(reported -> {
            if (reported.compareTo(totals.netPlaced()) != 0) {
                out.add(new FindingCondition(FindingKind.RESULTS_REPORT_MISMATCH, "", block, null,
                        "results report: " + reported + " placed; chain: " + totals.netPlaced()
                                + " transferred out of the issuer wallet (net of returns)"));
            }
        });
        return out;
    }

    /**
     * ¶5, ¶59: one finding per located change of totalSupply() that no event explains, at the change's block
     * and transaction (the scanned block is the finding's verification, not its date); whatever difference
     * is left unlocated (a token that stopped answering totalSupply() mid-history) stays one running finding.
     */
    private static void supplyWithoutEvents(Input in, BigInteger supply, long block, List<FindingCondition> out) {
        BigInteger attributed = BigInteger.ZERO;
        for (SupplyChange c : in.supplyChanges()) {
            attributed = attributed.add(c.delta());
            out.add(new FindingCondition(FindingKind.SUPPLY_WITHOUT_EVENTS, "block " + c.block(), c.block(), c.txHash(),
                    c.cause() + ": totalSupply moved by " + c.delta() + " in block " + c.block() + " (tx "
                            + String.join(", ", c.txHashes()) + ") with no mint/burn event (difference " + c.delta() + ")"));
        }
        BigInteger residual = supply.subtract(in.totals().supplyFromEvents()).subtract(attributed);
        if (residual.signum() != 0) {
            out.add(new FindingCondition(FindingKind.SUPPLY_WITHOUT_EVENTS, "", block, null,
                    "totalSupply " + supply + " but mints - burns = " + in.totals().supplyFromEvents()
                            + " (difference " + residual + " not located to a block)"));
        }
    }

    private static void contractIdentity(Input in, long block, List<FindingCondition> out) {
        MonitoredToken token = in.token();
        ContractReading r = in.reading();
        r.implementation().ifPresent(impl -> in.baselineImplementation().filter(base -> !base.equals(impl)).ifPresent(base -> {
            Optional<ChainEvent> upgrade = in.upgrades().stream().filter(e -> e.to().equals(impl))
                    .max(Comparator.comparingLong(ChainEvent::blockNumber));
            out.add(new FindingCondition(FindingKind.IMPLEMENTATION_CHANGED, impl,
                    upgrade.map(ChainEvent::blockNumber).orElse(block), upgrade.map(ChainEvent::txHash).orElse(null),
                    r.proxyKind() + " proxy implementation changed from " + base + " to " + impl));
        }));
        if (r.implementation().isEmpty()) {
            in.baselineCodeHash().filter(base -> !base.equals(r.codeHash())).ifPresent(base ->
                    out.add(new FindingCondition(FindingKind.CODE_CHANGED, r.codeHash(), block, null,
                            "code hash changed from " + base + " to " + r.codeHash())));
        }
        List<String> differences = new ArrayList<>();
        if (token.name() != null && !r.name().map(token.name()::equals).orElse(false)) {
            differences.add("name " + r.name().orElse("(none)") + " ≠ " + token.name());
        }
        if (token.symbol() != null && !r.symbol().map(token.symbol()::equals).orElse(false)) {
            differences.add("symbol " + r.symbol().orElse("(none)") + " ≠ " + token.symbol());
        }
        if (!r.decimals().map(d -> d == token.decimals()).orElse(false)) {
            differences.add("decimals " + r.decimals().map(String::valueOf).orElse("(none)") + " ≠ " + token.decimals());
        }
        if (!differences.isEmpty()) {
            out.add(new FindingCondition(FindingKind.METADATA_MISMATCH, "", block, null, String.join("; ", differences)));
        }
        r.owner().filter(owner -> !owner.equals(token.issuerWallet()) && !owner.equals(EventDecoder.ZERO)).ifPresent(owner ->
                out.add(new FindingCondition(FindingKind.MINTER_NOT_ISSUER, owner, block, null,
                        "owner() is " + owner + ", the declared issuer wallet is " + token.issuerWallet())));
    }

    private static void mints(Input in, List<FindingCondition> out) {
        MonitoredToken token = in.token();
        for (ChainEvent mint : in.mints()) {
            String subject = mint.txHash() + ":" + mint.logIndex();
            if (mint.txSender() != null && !token.issuerWallet().equals(mint.txSender())
                    && !token.issuerWallet().equals(mint.txTarget())) {
                out.add(new FindingCondition(FindingKind.MINT_BY_UNDECLARED_WALLET, subject, mint.blockNumber(), mint.txHash(),
                        mint.amount() + " minted by " + mint.txSender() + "; declared issuer wallet " + token.issuerWallet()));
            }
            if (mint.blockTime() == null) {
                continue;
            }
            LocalDate day = mint.blockTime().atZone(in.zone()).toLocalDate();
            if (token.phase() == EmissionPhase.APPLIED) {
                out.add(new FindingCondition(FindingKind.MINT_BEFORE_REGISTRATION, subject, mint.blockNumber(), mint.txHash(),
                        mint.amount() + " minted on " + day + " before registration"));
            } else if (token.placementStart() != null && token.placementEnd() != null
                    && (day.isBefore(token.placementStart()) || day.isAfter(token.placementEnd()))) {
                out.add(new FindingCondition(FindingKind.MINT_OUTSIDE_PLACEMENT_PERIOD, subject, mint.blockNumber(), mint.txHash(),
                        mint.amount() + " minted on " + day + ", placement period " + token.placementStart() + " – "
                                + token.placementEnd()));
            }
            if (EmissionPhase.MINTING_FORBIDDEN.contains(token.phase()) && token.phaseSince() != null
                    && !mint.blockTime().isBefore(token.phaseSince())) {
                out.add(new FindingCondition(FindingKind.MINT_WHILE_FORBIDDEN, subject, mint.blockNumber(), mint.txHash(),
                        mint.amount() + " minted at " + mint.blockTime() + ", emission " + token.phase() + " since "
                                + token.phaseSince()));
            }
        }
    }

    static boolean sameSubject(FindingCondition a, FindingCondition b) {
        return a.kind() == b.kind() && Objects.equals(a.subject(), b.subject());
    }
}
