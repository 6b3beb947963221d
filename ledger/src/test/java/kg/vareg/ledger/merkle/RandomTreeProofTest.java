package kg.vareg.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kg.vareg.ledger.LogVerificationException;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;
import kg.vareg.ledger.verify.MerkleVerifier;
import org.junit.jupiter.api.Test;

/**
 * Proofs from the HashStore equal the straight-from-the-RFC reference and verify, for every
 * (index, size) of small trees and random ones of trees up to a few thousand leaves.
 */
class RandomTreeProofTest {

    private static List<byte[]> randomEntries(Random rnd, int n) {
        List<byte[]> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] e = new byte[rnd.nextInt(40)];
            rnd.nextBytes(e);
            entries.add(e);
        }
        return entries;
    }

    @Test
    void allProofsOfAllTreesUpTo70Leaves() throws LogVerificationException {
        Random rnd = new Random(1);
        List<byte[]> entries = randomEntries(rnd, 70);
        InMemoryHashStore store = new InMemoryHashStore();
        store.appendEntries(entries);
        ReferenceTree ref = new ReferenceTree(entries);
        for (int size = 1; size <= entries.size(); size++) {
            Sha256Hash root = ref.mth(0, size);
            assertThat(MerkleProofs.root(store, size)).isEqualTo(root);
            for (int i = 0; i < size; i++) {
                InclusionProof p = MerkleProofs.inclusionProof(store, i, size);
                assertThat(p.path()).isEqualTo(ref.path(i, size));
                MerkleVerifier.verifyInclusion(p, TreeHasher.leafHash(entries.get(i)), root);
            }
            for (int m = 1; m <= size; m++) {
                ConsistencyProof c = MerkleProofs.consistencyProof(store, m, size);
                assertThat(c.path()).isEqualTo(ref.proof(m, size));
                MerkleVerifier.verifyConsistency(c, ref.mth(0, m), root);
            }
        }
    }

    @Test
    void randomProofsInTreesOfThousandsOfLeaves() throws LogVerificationException {
        Random rnd = new Random(2);
        List<byte[]> entries = randomEntries(rnd, 3000);
        InMemoryHashStore store = new InMemoryHashStore();
        // Integrate in uneven batches, as the worker does.
        int at = 0;
        while (at < entries.size()) {
            int batch = Math.min(entries.size() - at, 1 + rnd.nextInt(300));
            store.appendEntries(entries.subList(at, at + batch));
            at += batch;
        }
        ReferenceTree ref = new ReferenceTree(entries);
        for (int round = 0; round < 40; round++) {
            int size = 1 + rnd.nextInt(entries.size());
            int index = rnd.nextInt(size);
            int m = 1 + rnd.nextInt(size);
            Sha256Hash root = ref.mth(0, size);
            InclusionProof p = MerkleProofs.inclusionProof(store, index, size);
            assertThat(p.path()).isEqualTo(ref.path(index, size));
            MerkleVerifier.verifyInclusion(p, TreeHasher.leafHash(entries.get(index)), root);
            ConsistencyProof c = MerkleProofs.consistencyProof(store, m, size);
            assertThat(c.path()).isEqualTo(ref.proof(m, size));
            MerkleVerifier.verifyConsistency(c, ref.mth(0, m), root);
        }
    }

    @Test
    void aProofNeedsOnlyLogarithmicallyManyReads() {
        InMemoryHashStore store = new InMemoryHashStore();
        List<Sha256Hash> leaves = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            leaves.add(TreeHasher.leafHash(Integer.toString(i).getBytes()));
        }
        store.appendLeafHashes(leaves);
        long before = store.reads();
        MerkleProofs.inclusionProof(store, 12_345, 99_999);
        long inclusionReads = store.reads() - before;
        before = store.reads();
        MerkleProofs.consistencyProof(store, 77_777, 99_999);
        long consistencyReads = store.reads() - before;
        before = store.reads();
        MerkleProofs.root(store, 99_999);
        long rootReads = store.reads() - before;
        // log2(100 000) ≈ 17; a proof reads at most about 2·log2(n) nodes.
        assertThat(inclusionReads).isBetween(1L, 34L);
        assertThat(consistencyReads).isBetween(1L, 34L);
        assertThat(rootReads).isEqualTo(Long.bitCount(99_999));
    }

    @Test
    void rejectsRequestsOutsideTheStoredTree() {
        InMemoryHashStore store = new InMemoryHashStore();
        store.appendEntries(List.of(new byte[1], new byte[2], new byte[3]));
        assertThatThrownBy(() -> MerkleProofs.inclusionProof(store, 3, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleProofs.inclusionProof(store, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleProofs.inclusionProof(store, -1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleProofs.inclusionProof(store, 0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleProofs.root(store, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleProofs.consistencyProof(store, 0, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleProofs.consistencyProof(store, 3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(MerkleProofs.consistencyProof(store, 3, 3).path()).isEmpty();
    }
}
