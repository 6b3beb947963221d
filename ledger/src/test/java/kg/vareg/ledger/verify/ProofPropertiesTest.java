package kg.vareg.ledger.verify;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import kg.vareg.ledger.LogVerificationException;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;
import kg.vareg.ledger.merkle.ConsistencyProof;
import kg.vareg.ledger.merkle.InMemoryHashStore;
import kg.vareg.ledger.merkle.InclusionProof;
import kg.vareg.ledger.merkle.MerkleProofs;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** jqwik: proofs from the store verify; any single mutation of them is rejected. */
class ProofPropertiesTest {

    private static final int MAX = 300;
    private static final InMemoryHashStore STORE = new InMemoryHashStore();

    static {
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            entries.add(("entry-" + i).getBytes());
        }
        STORE.appendEntries(entries);
    }

    private static Sha256Hash leaf(long i) {
        return TreeHasher.leafHash(("entry-" + i).getBytes());
    }

    private static List<Sha256Hash> mutate(List<Sha256Hash> path, int kind, int at) {
        List<Sha256Hash> p = new ArrayList<>(path);
        int i = p.isEmpty() ? 0 : at % p.size();
        switch (kind) {
            case 0 -> p.add(i, TreeHasher.emptyRoot());          // extra node
            case 1 -> {                                            // flipped bit
                if (p.isEmpty()) {
                    p.add(TreeHasher.emptyRoot());
                } else {
                    byte[] b = p.get(i).toBytes();
                    b[at % 32] ^= (byte) (1 << (at % 8));
                    p.set(i, Sha256Hash.of(b));
                }
            }
            default -> {                                           // dropped node
                if (p.isEmpty()) {
                    p.add(TreeHasher.emptyRoot());
                } else {
                    p.remove(i);
                }
            }
        }
        return p;
    }

    @Property(tries = 300)
    void inclusionProofsVerifyAndMutationsFail(@ForAll @IntRange(min = 1, max = MAX) int size,
            @ForAll @IntRange(min = 0, max = MAX - 1) int rawIndex, @ForAll @IntRange(min = 0, max = 2) int kind,
            @ForAll @IntRange(min = 0, max = 10_000) int at) {
        int index = rawIndex % size;
        Sha256Hash root = MerkleProofs.root(STORE, size);
        InclusionProof p = MerkleProofs.inclusionProof(STORE, index, size);
        assertThatCode(() -> MerkleVerifier.verifyInclusion(p, leaf(index), root)).doesNotThrowAnyException();
        InclusionProof bad = new InclusionProof(index, size, mutate(p.path(), kind, at));
        assertThatThrownBy(() -> MerkleVerifier.verifyInclusion(bad, leaf(index), root))
                .isInstanceOf(LogVerificationException.class);
    }

    @Property(tries = 300)
    void consistencyProofsVerifyAndMutationsFail(@ForAll @IntRange(min = 2, max = MAX) int size2,
            @ForAll @IntRange(min = 1, max = MAX) int rawSize1, @ForAll @IntRange(min = 0, max = 2) int kind,
            @ForAll @IntRange(min = 0, max = 10_000) int at) {
        int size1 = 1 + rawSize1 % (size2 - 1); // 1 <= size1 < size2
        Sha256Hash r1 = MerkleProofs.root(STORE, size1);
        Sha256Hash r2 = MerkleProofs.root(STORE, size2);
        ConsistencyProof p = MerkleProofs.consistencyProof(STORE, size1, size2);
        assertThatCode(() -> MerkleVerifier.verifyConsistency(p, r1, r2)).doesNotThrowAnyException();
        ConsistencyProof bad = new ConsistencyProof(size1, size2, mutate(p.path(), kind, at));
        assertThatThrownBy(() -> MerkleVerifier.verifyConsistency(bad, r1, r2))
                .isInstanceOf(LogVerificationException.class);
    }
}
