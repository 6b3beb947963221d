package kg.vareg.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import kg.vareg.ledger.CtVectors;
import kg.vareg.ledger.hash.TreeHasher;
import org.junit.jupiter.api.Test;

/** Roots and proofs computed from the HashStore equal the published CT / transparency-dev vectors. */
class CtVectorsProofTest {

    private static InMemoryHashStore store() {
        InMemoryHashStore store = new InMemoryHashStore();
        store.appendEntries(CtVectors.LEAVES);
        return store;
    }

    @Test
    void rootsAtEverySize1To8() {
        InMemoryHashStore store = store();
        for (int size = 1; size <= 8; size++) {
            assertThat(MerkleProofs.root(store, size)).as("root at size %d", size).isEqualTo(CtVectors.ROOTS.get(size - 1));
        }
        assertThat(MerkleProofs.root(store, 0)).isEqualTo(TreeHasher.emptyRoot());
    }

    @Test
    void appendingOneLeafAtATimeGivesThePublishedRoots() {
        InMemoryHashStore store = new InMemoryHashStore();
        for (int i = 0; i < 8; i++) {
            assertThat(store.appendLeafHashes(java.util.List.of(TreeHasher.leafHash(CtVectors.LEAVES.get(i)))))
                    .isEqualTo(CtVectors.ROOTS.get(i));
        }
    }

    @Test
    void inclusionProofsMatchPublishedVectors() {
        InMemoryHashStore store = store();
        for (CtVectors.Inclusion v : CtVectors.INCLUSION) {
            InclusionProof p = MerkleProofs.inclusionProof(store, v.index(), v.size());
            assertThat(p.path()).as("inclusion %d in %d", v.index(), v.size()).isEqualTo(v.path());
        }
    }

    @Test
    void consistencyProofsMatchPublishedVectors() {
        InMemoryHashStore store = store();
        for (CtVectors.Consistency v : CtVectors.CONSISTENCY) {
            ConsistencyProof p = MerkleProofs.consistencyProof(store, v.size1(), v.size2());
            assertThat(p.path()).as("consistency %d -> %d", v.size1(), v.size2()).isEqualTo(v.path());
        }
    }

    @Test
    void everyProofOfThe8LeafTreeMatchesTheReference() {
        InMemoryHashStore store = store();
        ReferenceTree ref = new ReferenceTree(CtVectors.LEAVES);
        for (int size = 1; size <= 8; size++) {
            assertThat(ref.mth(0, size)).isEqualTo(CtVectors.ROOTS.get(size - 1)); // the reference itself is right
            for (int i = 0; i < size; i++) {
                assertThat(MerkleProofs.inclusionProof(store, i, size).path()).isEqualTo(ref.path(i, size));
            }
            for (int m = 1; m <= size; m++) {
                assertThat(MerkleProofs.consistencyProof(store, m, size).path()).isEqualTo(ref.proof(m, size));
            }
        }
    }
}
