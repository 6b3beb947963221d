package kg.vareg.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;
import org.junit.jupiter.api.Test;

class MerkleAppenderTest {

    private static List<Sha256Hash> leaves(int n) {
        List<Sha256Hash> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(TreeHasher.leafHash(("entry " + i).getBytes()));
        }
        return out;
    }

    @Test
    void storesEachCompleteSubtreeExactlyOnceSoNLeavesCostAboutNHashes() {
        int n = 1000;
        MerkleAppender.Result r = CompactRange.EMPTY.append(leaves(n));
        // A tree of n leaves has 2n − popcount(n) complete subtrees (leaves included), each
        // created by exactly one hash (or given, for leaves): n − popcount(n) node hashes.
        assertThat(r.newNodes()).hasSize(2 * n - Integer.bitCount(n));
        Set<NodeId> ids = new HashSet<>();
        for (StoredNode node : r.newNodes()) {
            assertThat(ids.add(node.id())).as("node %s created twice", node.id()).isTrue();
            assertThat(node.id().end()).isLessThanOrEqualTo(n);
        }
        assertThat(r.range().peaks()).hasSize(Integer.bitCount(n));
    }

    @Test
    void batchesOfAnySizeGiveTheSameNodesAndRootAsOneBatch() {
        List<Sha256Hash> all = leaves(777);
        MerkleAppender.Result whole = CompactRange.EMPTY.append(all);
        CompactRange range = CompactRange.EMPTY;
        List<StoredNode> nodes = new ArrayList<>();
        int at = 0;
        int batch = 1;
        while (at < all.size()) {
            int end = Math.min(all.size(), at + batch);
            MerkleAppender.Result r = range.append(all.subList(at, end));
            nodes.addAll(r.newNodes());
            range = r.range();
            at = end;
            batch = batch * 3 % 97 + 1;
        }
        assertThat(range.root()).isEqualTo(whole.root());
        assertThat(nodes).containsExactlyElementsOf(whole.newNodes());
    }

    @Test
    void rootMatchesTheReferenceAtEverySize() {
        List<byte[]> entries = new ArrayList<>();
        CompactRange range = CompactRange.EMPTY;
        for (int i = 0; i < 100; i++) {
            byte[] e = ("e" + i).getBytes();
            entries.add(e);
            range = range.append(List.of(TreeHasher.leafHash(e))).range();
            assertThat(range.root()).isEqualTo(new ReferenceTree(entries).mth(0, entries.size()));
        }
    }

    @Test
    void rangeLoadedFromTheStoreContinuesTheLog() {
        InMemoryHashStore store = new InMemoryHashStore();
        store.appendLeafHashes(leaves(45));
        CompactRange loaded = CompactRange.load(store);
        assertThat(loaded.size()).isEqualTo(45);
        assertThat(loaded.root()).isEqualTo(MerkleProofs.root(store, 45));
        List<Sha256Hash> more = leaves(60).subList(45, 60);
        assertThat(loaded.append(more).root()).isEqualTo(CompactRange.EMPTY.append(leaves(60)).root());
        assertThat(CompactRange.load(new InMemoryHashStore())).isEqualTo(CompactRange.EMPTY);
        assertThat(CompactRange.EMPTY.root()).isEqualTo(TreeHasher.emptyRoot());
    }

    @Test
    void emptyBatchChangesNothing() {
        MerkleAppender.Result r = CompactRange.EMPTY.append(leaves(5));
        MerkleAppender.Result again = r.range().append(List.of());
        assertThat(again.newNodes()).isEmpty();
        assertThat(again.root()).isEqualTo(r.root());
    }

    @Test
    void rejectsARangeWithTheWrongNumberOfPeaks() {
        assertThatThrownBy(() -> new CompactRange(3, List.of(TreeHasher.emptyRoot())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CompactRange(-1, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nodeIdCoversItsLeaves() {
        NodeId id = new NodeId(3, 2);
        assertThat(id.begin()).isEqualTo(16);
        assertThat(id.end()).isEqualTo(24);
        assertThat(CompactRange.peakIds(13)).containsExactly(new NodeId(3, 0), new NodeId(2, 2), new NodeId(0, 12));
        assertThatThrownBy(() -> new NodeId(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NodeId(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
