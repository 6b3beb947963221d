package kg.vareg.contracts.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.merkle.InMemoryHashStore;
import kg.vareg.ledger.merkle.MerkleProofs;
import kg.vareg.ledger.merkle.NodeId;
import org.junit.jupiter.api.Test;

/** The benchmark's compact store answers exactly like the ledger's reference store. */
class ArrayHashStoreTest {

    private final DeterministicLeaves leaves = new DeterministicLeaves("store-test");

    @Test
    void rootsAndProofsMatchTheLedgersInMemoryStore() {
        ArrayHashStore compact = new ArrayHashStore();
        InMemoryHashStore reference = new InMemoryHashStore();
        long size = 0;
        for (long batch : new long[] {1, 2, 5, 64, 3, 200, 1}) {
            List<Sha256Hash> hashes = leaves.range(size, size + batch);
            assertThat(compact.append(hashes)).isEqualTo(reference.appendLeafHashes(hashes));
            size += batch;
        }
        assertThat(compact.size()).isEqualTo(size);
        for (long first = 1; first < size; first += 7) {
            assertThat(MerkleProofs.consistencyProof(compact, first, size))
                    .isEqualTo(MerkleProofs.consistencyProof(reference, first, size));
            assertThat(MerkleProofs.inclusionProof(compact, first, size))
                    .isEqualTo(MerkleProofs.inclusionProof(reference, first, size));
        }
        long end = size;
        assertThatThrownBy(() -> compact.nodeHash(NodeId.leaf(end))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void scheduleGrowsStrictlyAndEndsAtTheTarget() {
        for (long target : new long[] {10, 10_000, 1_000_000}) {
            List<Long> sizes = AnchorGasBenchmark.schedule(target);
            assertThat(sizes.get(0)).isPositive();
            assertThat(sizes.get(sizes.size() - 1)).isEqualTo(target);
            for (int i = 1; i < sizes.size(); i++) {
                assertThat(sizes.get(i)).isGreaterThan(sizes.get(i - 1));
            }
        }
    }
}
