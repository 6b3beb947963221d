package kg.vareg.backend.verification;

import static kg.vareg.backend.verification.Evm.GAS;
import static kg.vareg.backend.verification.Evm.ok;
import static kg.vareg.backend.verification.Evm.send;
import static kg.vareg.backend.verification.Evm.units;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import kg.vareg.contracts.generated.TestIssuerToken;
import kg.vareg.devstack.AnvilNode;
import kg.vareg.testsupport.TestChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The verifier on a private anvil of each test's own: reorgs between and during scans, a provider
 * that refuses wide eth_getLogs ranges (a real HTTP proxy in front of the node), a dead node.
 */
class ChainFaultsIT extends VerifierIntegrationTest {
    private static final AtomicLong CHAIN_IDS = new AtomicLong(7_000_000 + (System.nanoTime() % 100_000) * 10);
    static final int DEC = 6;
    static final int ISSUER = 1;
    static final int BUYER = 2;

    @Autowired
    SupplyVerifier verifier;
    @Autowired
    ChainRegistry chains;
    @Autowired
    InMemoryRegisteredTokens register;
    @Autowired
    VerificationQueries queries;
    @Autowired
    AlertService alerts;
    @Autowired
    JdbcClient jdbc;

    AnvilNode node;
    Evm evm;
    LimitingRpcProxy proxy;

    @BeforeEach
    void privateNode() {
        node = TestChain.startPrivate();
        long chainId = CHAIN_IDS.incrementAndGet();
        evm = new Evm(node, chainId);
        evm.rpc("anvil_setChainId", chainId);
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
        node.close();
    }

    private void watch(String rpcUrl) {
        chains.add(new VerifierProperties.Chain(evm.chainId, "Private chain " + evm.chainId, URI.create(rpcUrl), 0, 2000,
                Duration.ofSeconds(2), 1, Duration.ofMillis(50), null));
    }

    private TestIssuerToken token() {
        return send(TestIssuerToken.deploy(evm.web3j(), evm.tm(0), GAS, "Som Stable", "SOMS", BigInteger.valueOf(DEC),
                evm.address(ISSUER)));
    }

    private MonitoredToken registered(TestIssuerToken token) {
        return register.put(evm.registered(token.getContractAddress(), evm.address(ISSUER), units(1_000, DEC), DEC,
                "Som Stable", "SOMS", TokenProfile.TRANSFER));
    }

    private TestIssuerToken asIssuer(TestIssuerToken token) {
        return TestIssuerToken.load(token.getContractAddress(), evm.web3j(), evm.tm(ISSUER), GAS);
    }

    private java.util.List<FindingKind> open(MonitoredToken t) {
        return queries.openFindings(t.chainId(), t.tokenAddress()).stream().map(Finding::kind).toList();
    }

    @Test
    void aReorgBetweenPassesRewindsForgetsTheOrphanedMintAndClosesItsFinding() {
        watch(node.rpcUrl());
        TestIssuerToken token = token();
        MonitoredToken t = registered(token);
        ok(asIssuer(token).mint(evm.address(ISSUER), units(100, DEC)));
        assertThat(verifier.verify(t)).isInstanceOf(ScanOutcome.Verified.class);
        String snapshot = evm.rpc("evm_snapshot").asString();

        var orphan = ok(asIssuer(token).mint(evm.address(ISSUER), units(2_000, DEC)));
        verifier.verify(t);
        assertThat(open(t)).containsExactly(FindingKind.SUPPLY_ABOVE_REGISTERED);

        // the chain reorganises: the excess mint's block is replaced by a longer branch with another mint
        evm.rpc("evm_revert", snapshot);
        evm.mine(3);
        var replacement = ok(asIssuer(token).mint(evm.address(ISSUER), units(50, DEC)));
        assertThat(replacement.getBlockNumber()).isGreaterThan(orphan.getBlockNumber());

        assertThat(verifier.verify(t)).isInstanceOf(ScanOutcome.Verified.class);

        assertThat(open(t)).isEmpty();
        assertThat(queries.events(t.chainId(), t.tokenAddress(), EventKind.MINT, 10)).extracting(ChainEvent::txHash)
                .doesNotContain(orphan.getTransactionHash()).contains(replacement.getTransactionHash()).hasSize(2);
        assertThat(queries.verifiedState(t.chainId(), t.tokenAddress()).orElseThrow().totalSupply()).isEqualTo(units(150, DEC));
        assertThat(queries.allFindings(t.chainId(), t.tokenAddress())).singleElement()
                .satisfies(f -> assertThat(f.open()).isFalse());
    }

    @Test
    void aReorgDuringAScanDiscardsTheRangeAndTheNextPassSeesOnlyTheNewBranch() {
        proxy = new LimitingRpcProxy(node.rpcUrl(), 10_000);
        watch(proxy.url());
        TestIssuerToken token = token();
        MonitoredToken t = registered(token);
        ok(asIssuer(token).mint(evm.address(ISSUER), units(100, DEC)));
        verifier.verify(t);
        String snapshot = evm.rpc("evm_snapshot").asString();
        var orphan = ok(asIssuer(token).mint(evm.address(ISSUER), units(2_000, DEC)));

        // while the verifier scans the block of the excess mint, the chain reorganises under it
        proxy.beforeNextGetLogs(() -> {
            evm.rpc("evm_revert", snapshot);
            evm.mine(2);
            ok(asIssuer(token).mint(evm.address(ISSUER), units(50, DEC)));
        });
        ScanOutcome during = verifier.verify(t);
        assertThat(during).isInstanceOf(ScanOutcome.Interrupted.class);
        assertThat(((ScanOutcome.Interrupted) during).reason()).contains("reorg");

        assertThat(verifier.verify(t)).isInstanceOf(ScanOutcome.Verified.class);
        assertThat(open(t)).isEmpty();
        assertThat(queries.events(t.chainId(), t.tokenAddress(), EventKind.MINT, 10)).extracting(ChainEvent::txHash)
                .doesNotContain(orphan.getTransactionHash()).hasSize(2);
        assertThat(queries.verifiedState(t.chainId(), t.tokenAddress()).orElseThrow().totalSupply()).isEqualTo(units(150, DEC));
        assertThat(queries.allFindings(t.chainId(), t.tokenAddress())).isEmpty();
    }

    @Test
    void aNodeThatRefusesWideLogRangesIsScannedWithHalvedRangesAndNothingIsMissed() {
        proxy = new LimitingRpcProxy(node.rpcUrl(), 50);
        watch(proxy.url());
        TestIssuerToken token = token();
        MonitoredToken t = registered(token);
        ok(asIssuer(token).mint(evm.address(ISSUER), units(300, DEC)));
        evm.mine(120);
        ok(asIssuer(token).transfer(evm.address(BUYER), units(100, DEC)));
        evm.mine(200);
        ok(asIssuer(token).mint(evm.address(BUYER), units(200, DEC)));
        evm.mine(37);

        ScanOutcome outcome = verifier.verify(t);

        assertThat(outcome).isInstanceOf(ScanOutcome.Verified.class);
        assertThat(((ScanOutcome.Verified) outcome).eventsAdded()).isEqualTo(3);
        assertThat(proxy.refused.get()).isPositive();
        assertThat(proxy.widestForwardedSpan.get()).isLessThanOrEqualTo(50);
        assertThat(open(t)).isEmpty();
        assertThat(queries.verifiedState(t.chainId(), t.tokenAddress()).orElseThrow().totalSupply()).isEqualTo(units(500, DEC));
        long range = jdbc.sql("SELECT log_range FROM registry.verifier_token_state WHERE chain_id = ? AND token_address = ?")
                .params(t.chainId(), t.tokenAddress()).query(Long.class).single();
        // halved below the limit, or already regrown to at most twice it after a run of answered ranges
        assertThat(range).isBetween(1L, 100L);

        // later passes grow the range back towards the maximum, and are halved again at the limit
        evm.mine(400);
        int refusedBefore = proxy.refused.get();
        assertThat(verifier.verify(t)).isInstanceOf(ScanOutcome.Verified.class);
        assertThat(proxy.refused.get()).isGreaterThan(refusedBefore);
        assertThat(proxy.widestForwardedSpan.get()).isLessThanOrEqualTo(50);
        assertThat(open(t)).isEmpty();
    }

    @Test
    void aDeadNodeOpensChainUnreachableDegradesHealthAlertsAndClosesWhenItAnswersAgain() {
        watch(node.rpcUrl());
        ChainGateway gateway = chains.byId(evm.chainId).orElseThrow();
        assertThat(verifier.checkChain(gateway)).isTrue();
        TestIssuerToken token = token();
        MonitoredToken t = registered(token);
        int before = WebhookReceiver.shared().bodies().size();

        node.stop();
        assertThat(verifier.checkChain(gateway)).isFalse();
        assertThat(verifier.verify(t)).isInstanceOf(ScanOutcome.Interrupted.class);
        assertThat(queries.openChainFindings(evm.chainId)).singleElement()
                .satisfies(f -> assertThat(f.kind()).isEqualTo(FindingKind.CHAIN_UNREACHABLE));
        assertThat(new VerifierHealthIndicator(verifier).health().getStatus()).isEqualTo(new Status("DEGRADED"));

        assertThat(alerts.deliverPending()).isPositive();
        assertThat(WebhookReceiver.shared().bodies().subList(before, WebhookReceiver.shared().bodies().size()))
                .anySatisfy(body -> assertThat(body).contains("\"kind\":\"CHAIN_UNREACHABLE\"")
                        .contains("\"chainId\":" + evm.chainId).contains("\"type\":\"vareg.verifier.finding.opened\""));

        node.start();
        assertThat(verifier.checkChain(gateway)).isTrue();
        assertThat(queries.openChainFindings(evm.chainId)).isEmpty();
        assertThat(new VerifierHealthIndicator(verifier).health().getStatus()).isEqualTo(Status.UP);
    }
}
