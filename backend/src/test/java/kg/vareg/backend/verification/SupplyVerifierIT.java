package kg.vareg.backend.verification;

import static kg.vareg.backend.verification.Evm.GAS;
import static kg.vareg.backend.verification.Evm.ok;
import static kg.vareg.backend.verification.Evm.send;
import static kg.vareg.backend.verification.Evm.units;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kg.vareg.contracts.generated.FeeOnTransferToken;
import kg.vareg.contracts.generated.IssueRedeemToken;
import kg.vareg.contracts.generated.MintBurnEventToken;
import kg.vareg.contracts.generated.ProxiedTokenV1;
import kg.vareg.contracts.generated.ProxiedTokenV2;
import kg.vareg.contracts.generated.RebasingToken;
import kg.vareg.contracts.generated.SilentMintToken;
import kg.vareg.contracts.generated.TestIssuerToken;
import kg.vareg.contracts.generated.TokenErc1967Proxy;
import kg.vareg.contracts.generated.ZosLegacyProxy;
import kg.vareg.testsupport.TestChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.utils.Numeric;

/**
 * The supply verifier against the real shared anvil and real PostgreSQL: one token per case, each
 * case giving exactly the expected findings and none more.
 */
class SupplyVerifierIT extends VerifierIntegrationTest {
    static final int DEC = 6;
    static final int ISSUER = 1;
    static final int BUYER = 2;
    static final int STRANGER = 3;

    @Autowired
    SupplyVerifier verifier;
    @Autowired
    InMemoryRegisteredTokens register;
    @Autowired
    VerificationQueries queries;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    final Evm evm = new Evm(TestChain.shared(), TestChain.shared().chainId());

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private TestIssuerToken standardToken(int owner) {
        return send(TestIssuerToken.deploy(evm.web3j(), evm.tm(0), GAS, "Som Stable", "SOMS", BigInteger.valueOf(DEC),
                evm.address(owner)));
    }

    private MonitoredToken register(String address, long quantity, TokenProfile profile, String name, String symbol) {
        return register.put(evm.registered(address, evm.address(ISSUER), units(quantity, DEC), DEC, name, symbol, profile));
    }

    private Map<FindingKind, Long> openKinds(MonitoredToken t) {
        return queries.openFindings(t.chainId(), t.tokenAddress()).stream()
                .collect(Collectors.groupingBy(Finding::kind, Collectors.counting()));
    }

    private ScanOutcome.Verified verify(MonitoredToken t) {
        ScanOutcome outcome = verifier.verify(t);
        assertThat(outcome).isInstanceOf(ScanOutcome.Verified.class);
        return (ScanOutcome.Verified) outcome;
    }

    @Test
    void standardOpenZeppelinTokenWithinTheRegisterGivesNoFindingAndCountsMintsBurnsPlacements() {
        TestIssuerToken token = standardToken(ISSUER);
        MonitoredToken t = register(token.getContractAddress(), 1_000, TokenProfile.TRANSFER, "Som Stable", "SOMS");
        TestIssuerToken asIssuer = TestIssuerToken.load(token.getContractAddress(), evm.web3j(), evm.tm(ISSUER), GAS);
        ok(asIssuer.mint(evm.address(ISSUER), units(800, DEC)));
        ok(asIssuer.transfer(evm.address(BUYER), units(300, DEC)));
        ok(asIssuer.burn(units(100, DEC)));

        ScanOutcome.Verified first = verify(t);

        assertThat(first.eventsAdded()).isEqualTo(3); // mint, placement, burn
        assertThat(openKinds(t)).isEmpty();
        var state = queries.verifiedState(t.chainId(), t.tokenAddress()).orElseThrow();
        assertThat(state.totalSupply()).isEqualTo(units(700, DEC));
        assertThat(state.supplyFromEvents()).isEqualTo(units(700, DEC));
        assertThat(state.issuerBalance()).isEqualTo(units(400, DEC));
        assertThat(queries.events(t.chainId(), t.tokenAddress(), EventKind.MINT, 10)).singleElement()
                .satisfies(m -> assertThat(m.txSender()).isEqualTo(evm.address(ISSUER)));
        assertThat(queries.events(t.chainId(), t.tokenAddress(), EventKind.PLACEMENT, 10)).singleElement()
                .satisfies(p -> assertThat(p.to()).isEqualTo(evm.address(BUYER)));

        // a pass with no news adds nothing; rescanning the same blocks again deduplicates by (tx hash, log index)
        assertThat(verify(t).eventsAdded()).isZero();
        jdbc.sql("UPDATE registry.verifier_token_state SET last_scanned_block = creation_block, last_scanned_hash = ? "
                        + "WHERE chain_id = ? AND token_address = ?")
                .params(evm.web3j().ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameter.valueOf(
                        BigInteger.valueOf(jdbc.sql("SELECT creation_block FROM registry.verifier_token_state WHERE token_address = ?")
                                .params(t.tokenAddress()).query(Long.class).single())), false).sendAsync().join().getBlock().getHash(),
                        t.chainId(), t.tokenAddress())
                .update();
        verify(t);
        assertThat(jdbc.sql("SELECT count(*) FROM registry.verifier_event WHERE token_address = ?").params(t.tokenAddress())
                .query(Long.class).single()).isEqualTo(3);
        assertThat(openKinds(t)).isEmpty();
    }

    @Test
    void aMintWithoutTransferEventIsSupplyMovingWithoutEvents() {
        SilentMintToken token = send(SilentMintToken.deploy(evm.web3j(), evm.tm(0), GAS, "Silent", "SLT",
                BigInteger.valueOf(DEC), evm.address(ISSUER)));
        MonitoredToken t = register(token.getContractAddress(), 1_000, TokenProfile.TRANSFER, "Silent", "SLT");
        SilentMintToken asIssuer = SilentMintToken.load(token.getContractAddress(), evm.web3j(), evm.tm(ISSUER), GAS);
        ok(asIssuer.mint(evm.address(ISSUER), units(100, DEC)));
        verify(t);
        assertThat(openKinds(t)).isEmpty();

        ok(asIssuer.silentMint(evm.address(BUYER), units(50, DEC)));
        verify(t);

        assertThat(openKinds(t)).containsExactly(Map.entry(FindingKind.SUPPLY_WITHOUT_EVENTS, 1L));
        Finding f = queries.openFindings(t.chainId(), t.tokenAddress()).getFirst();
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.paragraph()).contains("¶59");
        assertThat(f.detail()).contains("difference " + units(50, DEC));
    }

    @Test
    void aProxyWhoseImplementationIsSwappedIsReportedWithTheUpgradeTransaction() {
        ProxiedTokenV1 v1 = send(ProxiedTokenV1.deploy(evm.web3j(), evm.tm(0), GAS));
        byte[] init = Numeric.hexStringToByteArray(FunctionEncoder.encode(new Function("initialize", List.of(
                new Utf8String("Proxied"), new Utf8String("PRX"), new Uint8(DEC), new Address(evm.address(ISSUER))), List.of())));
        TokenErc1967Proxy proxy = send(TokenErc1967Proxy.deploy(evm.web3j(), evm.tm(0), GAS, v1.getContractAddress(), init));
        MonitoredToken t = register(proxy.getContractAddress(), 1_000, TokenProfile.TRANSFER, "Proxied", "PRX");
        ProxiedTokenV1 asIssuer = ProxiedTokenV1.load(proxy.getContractAddress(), evm.web3j(), evm.tm(ISSUER), GAS);
        ok(asIssuer.mint(evm.address(ISSUER), units(10, DEC)));
        verify(t);
        assertThat(openKinds(t)).isEmpty();
        assertThat(queries.verifiedState(t.chainId(), t.tokenAddress()).orElseThrow().implementation())
                .isEqualTo(v1.getContractAddress().toLowerCase());

        ProxiedTokenV2 v2 = send(ProxiedTokenV2.deploy(evm.web3j(), evm.tm(0), GAS));
        var upgrade = ok(asIssuer.upgradeToAndCall(v2.getContractAddress(), new byte[0], BigInteger.ZERO));
        verify(t);

        assertThat(openKinds(t)).containsExactly(Map.entry(FindingKind.IMPLEMENTATION_CHANGED, 1L));
        Finding f = queries.openFindings(t.chainId(), t.tokenAddress()).getFirst();
        assertThat(f.txHash()).isEqualTo(upgrade.getTransactionHash());
        assertThat(f.block()).isEqualTo(upgrade.getBlockNumber().longValueExact());
        assertThat(f.detail()).contains("EIP1967").contains(v2.getContractAddress().toLowerCase());
    }

    @Test
    void theOlderZeppelinOsProxySlotIsFollowedToo() {
        ProxiedTokenV1 v1 = send(ProxiedTokenV1.deploy(evm.web3j(), evm.tm(0), GAS));
        byte[] init = Numeric.hexStringToByteArray(FunctionEncoder.encode(new Function("initialize", List.of(
                new Utf8String("Legacy"), new Utf8String("LGC"), new Uint8(DEC), new Address(evm.address(ISSUER))), List.of())));
        ZosLegacyProxy proxy = send(ZosLegacyProxy.deploy(evm.web3j(), evm.tm(0), GAS, v1.getContractAddress(),
                evm.address(STRANGER), init));
        MonitoredToken t = register(proxy.getContractAddress(), 1_000, TokenProfile.TRANSFER, "Legacy", "LGC");
        verify(t);
        assertThat(openKinds(t)).isEmpty();
        var state = queries.verifiedState(t.chainId(), t.tokenAddress()).orElseThrow();
        assertThat(state.proxyKind()).isEqualTo("ZEPPELINOS");
        assertThat(state.implementation()).isEqualTo(v1.getContractAddress().toLowerCase());

        ProxiedTokenV2 v2 = send(ProxiedTokenV2.deploy(evm.web3j(), evm.tm(0), GAS));
        ok(ZosLegacyProxy.load(proxy.getContractAddress(), evm.web3j(), evm.tm(STRANGER), GAS).upgradeTo(v2.getContractAddress()));
        verify(t);
        assertThat(openKinds(t)).containsExactly(Map.entry(FindingKind.IMPLEMENTATION_CHANGED, 1L));
    }

    @Test
    void aRebasingTokenMovesSupplyAndTheIssuerBalanceWithoutEvents() {
        RebasingToken token = send(RebasingToken.deploy(evm.web3j(), evm.tm(0), GAS, "Rebase", "RBS",
                BigInteger.valueOf(DEC), evm.address(ISSUER)));
        MonitoredToken t = register(token.getContractAddress(), 10_000, TokenProfile.TRANSFER, "Rebase", "RBS");
        RebasingToken asIssuer = RebasingToken.load(token.getContractAddress(), evm.web3j(), evm.tm(ISSUER), GAS);
        ok(asIssuer.mint(evm.address(ISSUER), units(1_000, DEC)));
        ok(asIssuer.transfer(evm.address(BUYER), units(400, DEC)));
        verify(t);
        assertThat(openKinds(t)).isEmpty();

        ok(asIssuer.rebase(BigInteger.valueOf(110)));
        verify(t);

        assertThat(openKinds(t)).containsOnlyKeys(FindingKind.SUPPLY_WITHOUT_EVENTS, FindingKind.ISSUER_BALANCE_MISMATCH)
                .containsValues(1L);
    }

    @Test
    void aFeeOnTransferTokenDestroysTheFeeWithoutEvents() {
        FeeOnTransferToken token = send(FeeOnTransferToken.deploy(evm.web3j(), evm.tm(0), GAS, "Fee", "FEE",
                BigInteger.valueOf(DEC), evm.address(ISSUER), BigInteger.valueOf(100)));
        MonitoredToken t = register(token.getContractAddress(), 10_000, TokenProfile.TRANSFER, "Fee", "FEE");
        FeeOnTransferToken asIssuer = FeeOnTransferToken.load(token.getContractAddress(), evm.web3j(), evm.tm(ISSUER), GAS);
        ok(asIssuer.mint(evm.address(ISSUER), units(1_000, DEC)));
        ok(asIssuer.transfer(evm.address(BUYER), units(500, DEC)));

        verify(t);

        assertThat(openKinds(t)).containsExactly(Map.entry(FindingKind.SUPPLY_WITHOUT_EVENTS, 1L));
        assertThat(queries.openFindings(t.chainId(), t.tokenAddress()).getFirst().detail()).contains("difference -" + units(5, DEC));
    }

    @Test
    void aMintByAWalletOtherThanTheDeclaredIssuerIsReported() {
        TestIssuerToken token = standardToken(STRANGER); // the contract is controlled by an undeclared wallet
        MonitoredToken t = register(token.getContractAddress(), 1_000, TokenProfile.TRANSFER, "Som Stable", "SOMS");
        var mint = ok(TestIssuerToken.load(token.getContractAddress(), evm.web3j(), evm.tm(STRANGER), GAS)
                .mint(evm.address(ISSUER), units(100, DEC)));

        verify(t);

        assertThat(openKinds(t)).containsOnlyKeys(FindingKind.MINT_BY_UNDECLARED_WALLET, FindingKind.MINTER_NOT_ISSUER)
                .containsValues(1L);
        Finding f = queries.openFindings(t.chainId(), t.tokenAddress()).stream()
                .filter(x -> x.kind() == FindingKind.MINT_BY_UNDECLARED_WALLET).findFirst().orElseThrow();
        assertThat(f.txHash()).isEqualTo(mint.getTransactionHash());
        assertThat(f.paragraph()).isEqualTo("¶5");
        assertThat(f.detail()).contains(evm.address(STRANGER));
    }

    @Test
    void aMintBeyondTheRegisteredQuantityOpensAFindingThatClosesWhenTheExcessIsBurned() {
        TestIssuerToken token = standardToken(ISSUER);
        MonitoredToken t = register(token.getContractAddress(), 1_000, TokenProfile.TRANSFER, "Som Stable", "SOMS");
        TestIssuerToken asIssuer = TestIssuerToken.load(token.getContractAddress(), evm.web3j(), evm.tm(ISSUER), GAS);
        ok(asIssuer.mint(evm.address(ISSUER), units(900, DEC)));
        verify(t);
        assertThat(openKinds(t)).isEmpty();

        var excess = ok(asIssuer.mint(evm.address(ISSUER), units(200, DEC)));
        verify(t);
        assertThat(openKinds(t)).containsExactly(Map.entry(FindingKind.SUPPLY_ABOVE_REGISTERED, 1L));
        Finding f = queries.openFindings(t.chainId(), t.tokenAddress()).getFirst();
        assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(f.txHash()).isEqualTo(excess.getTransactionHash());

        ok(asIssuer.burn(units(100, DEC)));
        verify(t);
        assertThat(openKinds(t)).isEmpty();
        assertThat(queries.allFindings(t.chainId(), t.tokenAddress())).singleElement()
                .satisfies(closed -> assertThat(closed.open()).isFalse());
    }

    @Test
    void unplacedVasMustBeBurnedAfterACompletedPlacementAndTheResultsReportMustMatchTheChain() {
        TestIssuerToken token = standardToken(ISSUER);
        MonitoredToken t = register(token.getContractAddress(), 1_000, TokenProfile.TRANSFER, "Som Stable", "SOMS");
        TestIssuerToken asIssuer = TestIssuerToken.load(token.getContractAddress(), evm.web3j(), evm.tm(ISSUER), GAS);
        ok(asIssuer.mint(evm.address(ISSUER), units(1_000, DEC)));
        ok(asIssuer.transfer(evm.address(BUYER), units(700, DEC)));
        t = register.put(t.withPhase(EmissionPhase.COMPLETED, null).withReportedPlaced(units(700, DEC)));
        verify(t);
        assertThat(openKinds(t)).isEmpty(); // the placement period has not ended yet

        clock.advance(Duration.ofDays(32)); // after the placement period (today + 30)
        verify(t);
        assertThat(openKinds(t)).containsExactly(Map.entry(FindingKind.UNPLACED_NOT_BURNED, 1L));
        assertThat(queries.openFindings(t.chainId(), t.tokenAddress()).getFirst().paragraph()).isEqualTo("¶45-47");

        var burn = ok(asIssuer.burn(units(300, DEC)));
        verify(t);
        assertThat(openKinds(t)).isEmpty();
        assertThat(queries.events(t.chainId(), t.tokenAddress(), EventKind.BURN, 10)).singleElement()
                .satisfies(b -> assertThat(b.txHash()).isEqualTo(burn.getTransactionHash()));

        // ¶30: a results report claiming more placed than the chain shows
        t = register.put(t.withReportedPlaced(units(800, DEC)));
        verify(t);
        assertThat(openKinds(t)).containsExactly(Map.entry(FindingKind.RESULTS_REPORT_MISMATCH, 1L));
    }

    @Test
    void aMintAfterSuspensionIsReported() {
        TestIssuerToken token = standardToken(ISSUER);
        MonitoredToken t = register(token.getContractAddress(), 1_000, TokenProfile.TRANSFER, "Som Stable", "SOMS");
        t = register.put(t.withPhase(EmissionPhase.SUSPENDED, java.time.Instant.now().minusSeconds(5)));
        ok(TestIssuerToken.load(token.getContractAddress(), evm.web3j(), evm.tm(ISSUER), GAS).mint(evm.address(ISSUER), units(1, DEC)));
        verify(t);
        assertThat(openKinds(t)).containsExactly(Map.entry(FindingKind.MINT_WHILE_FORBIDDEN, 1L));
    }

    @Test
    void issueRedeemAndMintBurnProfilesCountTheirOwnEvents() {
        IssueRedeemToken ir = send(IssueRedeemToken.deploy(evm.web3j(), evm.tm(0), GAS, "Tethered", "TTH",
                BigInteger.valueOf(DEC), evm.address(ISSUER)));
        MonitoredToken a = register(ir.getContractAddress(), 1_000, TokenProfile.ISSUE_REDEEM, "Tethered", "TTH");
        IssueRedeemToken irAsIssuer = IssueRedeemToken.load(ir.getContractAddress(), evm.web3j(), evm.tm(ISSUER), GAS);
        ok(irAsIssuer.issue(units(500, DEC)));
        ok(irAsIssuer.redeem(units(100, DEC)));
        ok(irAsIssuer.transfer(evm.address(BUYER), units(50, DEC)));
        verify(a);
        assertThat(openKinds(a)).isEmpty();
        assertThat(queries.verifiedState(a.chainId(), a.tokenAddress()).orElseThrow().supplyFromEvents()).isEqualTo(units(400, DEC));

        MintBurnEventToken mb = send(MintBurnEventToken.deploy(evm.web3j(), evm.tm(0), GAS, "Minty", "MNT",
                BigInteger.valueOf(DEC), evm.address(ISSUER)));
        MonitoredToken b = register(mb.getContractAddress(), 1_000, TokenProfile.MINT_BURN, "Minty", "MNT");
        MintBurnEventToken mbAsIssuer = MintBurnEventToken.load(mb.getContractAddress(), evm.web3j(), evm.tm(ISSUER), GAS);
        ok(mbAsIssuer.mint(evm.address(ISSUER), units(300, DEC)));
        ok(mbAsIssuer.burn(units(30, DEC)));
        verify(b);
        assertThat(openKinds(b)).isEmpty();
        assertThat(queries.verifiedState(b.chainId(), b.tokenAddress()).orElseThrow().supplyFromEvents()).isEqualTo(units(270, DEC));

        // the same Mint/Burn token read with the plain Transfer profile sees supply without events
        MonitoredToken wrongProfile = register.put(new MonitoredToken("KG0199ZZZZ1", b.chainId(), b.tokenAddress(),
                b.issuerWallet(), b.registeredQuantity(), DEC, "Minty", "MNT", "DIGITAL_TOKEN", EmissionPhase.PLACEMENT,
                null, b.placementStart(), b.placementEnd(), TokenProfile.TRANSFER, null));
        jdbc.sql("DELETE FROM registry.verifier_event WHERE token_address = ?").params(b.tokenAddress()).update();
        jdbc.sql("UPDATE registry.verifier_token_state SET last_scanned_block = NULL, last_scanned_hash = NULL WHERE token_address = ?")
                .params(b.tokenAddress()).update();
        verify(wrongProfile);
        assertThat(openKinds(wrongProfile)).containsOnlyKeys(FindingKind.SUPPLY_WITHOUT_EVENTS, FindingKind.ISSUER_BALANCE_MISMATCH);
    }

    @Test
    void metadataThatDiffersFromTheRegisterAndAMissingContractAreReported() {
        TestIssuerToken token = standardToken(ISSUER);
        MonitoredToken t = register(token.getContractAddress(), 1_000, TokenProfile.TRANSFER, "Som Stable", "OTHER");
        verify(t);
        assertThat(openKinds(t)).containsExactly(Map.entry(FindingKind.METADATA_MISMATCH, 1L));

        MonitoredToken nothing = register("0x000000000000000000000000000000000000dead", 1_000, TokenProfile.TRANSFER, null, null);
        verify(nothing);
        assertThat(openKinds(nothing)).containsExactly(Map.entry(FindingKind.CONTRACT_MISSING, 1L));
    }
}
