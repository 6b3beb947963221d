package kg.vareg.contracts.bench;

import java.io.PrintStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Random;
import kg.vareg.contracts.generated.NaiveAnchor;
import kg.vareg.contracts.generated.RegistryAnchor;
import kg.vareg.devstack.AnvilNode;
import kg.vareg.devstack.ContractDeployments;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.merkle.MerkleProofs;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * Gas per RegistryAnchor checkpoint as the log grows to 10, 10k and 1M entries, beside the naive
 * baseline of one transaction per entry (NaiveAnchor), measured in the same run on a fresh anvil.
 *
 * <p>The tree math runs in Java (the ledger's appender and proof code over {@link ArrayHashStore});
 * only checkpoints go on-chain. For each target size N a fresh contract gets a first checkpoint,
 * then checkpoints after batches of 1, 10, 100, 1,000 and 10,000 entries (3 of each, as far as they
 * fit in N/2) and 10 checkpoints after pseudo-random batches (seed 42), ending exactly at N.
 *
 * <p>Run: {@code ./mvnw -q -pl contracts-tests -am install -DskipTests && ./mvnw -q -pl contracts-tests exec:java}
 * (argument {@code -Dexec.args="10 10000 1000000"} to choose the sizes). Prints a table; writes nothing.
 */
public final class AnchorGasBenchmark {

    private static final long[] BATCHES = {1, 10, 100, 1_000, 10_000};
    private static final int NAIVE_ENTRIES = 50;

    private final PrintStream out;
    private final AnvilNode node;
    private final Credentials admin;
    private final Credentials anchorer;
    private final DeterministicLeaves leaves = new DeterministicLeaves("vareg-anchor-gas");

    private AnchorGasBenchmark(PrintStream out, AnvilNode node) {
        this.out = out;
        this.node = node;
        this.admin = node.account(0);
        this.anchorer = node.account(1);
    }

    public static void main(String[] args) throws Exception {
        long[] targets = args.length == 0 ? new long[] {10, 10_000, 1_000_000}
                : Arrays.stream(args).flatMap(a -> Arrays.stream(a.split("[ ,]+"))).filter(a -> !a.isBlank())
                        .mapToLong(Long::parseLong).toArray();
        try (AnvilNode node = AnvilNode.startEphemeral()) {
            new AnchorGasBenchmark(System.out, node).run(targets);
        }
        // web3j keeps non-daemon threads; the node is closed, so leave.
        System.exit(0);
    }

    private void run(long[] targets) throws Exception {
        out.printf("vareg anchor gas benchmark: anvil %s, chain id %d, %d cores, Java %s%n", node.rpcUrl(),
                node.chainId(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Naive naive = naiveBaseline();
        out.printf("%nnaive baseline (NaiveAnchor.store, one tx per entry, %d entries): first %,d gas, then %,d gas per entry (mean; min %,d, max %,d)%n",
                NAIVE_ENTRIES, naive.first, Math.round(naive.steady.getAverage()), naive.steady.getMin(), naive.steady.getMax());
        out.printf("%n%-10s %-22s %8s %6s %10s%n", "log size", "checkpoint", "batch", "proof", "gas");
        List<Summary> summaries = new ArrayList<>();
        for (long n : targets) {
            summaries.add(grow(n));
        }
        out.printf("%nsummary (gas per anchor transaction after the first; naive = one tx per entry)%n");
        out.printf("%-10s %8s %8s %8s %9s %22s %22s %10s%n", "log size", "anchors", "mean", "max", "max proof",
                "naive gas, N entries", "anchors of 1,000 each", "ratio");
        for (Summary s : summaries) {
            long naiveTotal = naive.first + (s.size - 1) * Math.round(naive.steady.getAverage());
            long per1000 = Math.max(1, s.size / 1000) * Math.round(s.gas.getAverage());
            out.printf("%-10d %8d %,8d %,8d %9d %,22d %,22d %9.0fx%n", s.size, s.gas.getCount(),
                    Math.round(s.gas.getAverage()), s.gas.getMax(), s.maxProof, naiveTotal, per1000,
                    (double) naiveTotal / per1000);
        }
    }

    private record Summary(long size, LongSummaryStatistics gas, int maxProof) {
    }

    private record Naive(long first, LongSummaryStatistics steady) {
    }

    private Naive naiveBaseline() throws Exception {
        TransactionManager tm = ContractDeployments.transactionManager(node.web3j(), anchorer, node.chainId());
        NaiveAnchor naive = NaiveAnchor.deploy(node.web3j(), tm, new DefaultGasProvider(), anchorer.getAddress()).send();
        long first = 0;
        LongSummaryStatistics steady = new LongSummaryStatistics();
        for (int i = 0; i < NAIVE_ENTRIES; i++) {
            long gas = naive.store(leaves.leafHash(i).toBytes()).send().getGasUsed().longValueExact();
            if (i == 0) {
                first = gas;
            } else {
                steady.accept(gas);
            }
        }
        return new Naive(first, steady);
    }

    private Summary grow(long target) throws Exception {
        List<Long> sizes = schedule(target);
        TransactionManager tm = ContractDeployments.transactionManager(node.web3j(), admin, node.chainId());
        String address = RegistryAnchor.deploy(node.web3j(), tm, new DefaultGasProvider(), admin.getAddress(),
                anchorer.getAddress()).send().getContractAddress();
        RegistryAnchor anchor = RegistryAnchor.load(address, node.web3j(),
                ContractDeployments.transactionManager(node.web3j(), anchorer, node.chainId()), new DefaultGasProvider());
        ArrayHashStore store = new ArrayHashStore();
        LongSummaryStatistics stats = new LongSummaryStatistics();
        int maxProof = 0;
        long previous = 0;
        for (long size : sizes) {
            Sha256Hash root = store.append(leaves.range(store.size(), size));
            List<byte[]> proof = previous == 0 ? List.of()
                    : MerkleProofs.consistencyProof(store, previous, size).path().stream().map(Sha256Hash::toBytes).toList();
            TransactionReceipt r = anchor.anchor(BigInteger.valueOf(size), root.toBytes(), proof).send();
            long gas = r.getGasUsed().longValueExact();
            out.printf("%-10d %-22s %8s %6d %,10d%n", target, previous == 0 ? "first @ " + size : previous + " -> " + size,
                    previous == 0 ? "-" : Long.toString(size - previous), proof.size(), gas);
            if (previous != 0) {
                stats.accept(gas);
                maxProof = Math.max(maxProof, proof.size());
            }
            previous = size;
        }
        return new Summary(target, stats, maxProof);
    }

    /** Checkpoint sizes ending at {@code target}: fixed batches (3 each), then seeded random ones. */
    static List<Long> schedule(long target) {
        List<Long> batches = new ArrayList<>();
        long budget = target / 2;
        for (long b : BATCHES) {
            for (int i = 0; i < 3 && b <= budget; i++) {
                batches.add(b);
                budget -= b;
            }
        }
        Random random = new Random(42);
        for (int i = 0; i < 10 && budget >= 2; i++) {
            long b = 1 + random.nextLong(Math.max(1, Math.min(budget / 2, 5_000)));
            batches.add(b);
            budget -= b;
        }
        long start = target - batches.stream().mapToLong(Long::longValue).sum();
        List<Long> sizes = new ArrayList<>();
        sizes.add(start);
        long s = start;
        for (long b : batches) {
            s += b;
            sizes.add(s);
        }
        return sizes;
    }
}
