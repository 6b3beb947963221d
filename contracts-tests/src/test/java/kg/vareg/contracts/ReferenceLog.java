package kg.vareg.contracts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;
import kg.vareg.ledger.merkle.InMemoryHashStore;
import kg.vareg.ledger.merkle.MerkleProofs;

/**
 * A log whose roots and proofs come from the ledger module (the code the worker runs), converted to
 * the byte arrays the web3j wrappers take. A "fork" is the same log with one entry changed.
 */
final class ReferenceLog {

    private final InMemoryHashStore store = new InMemoryHashStore();
    private final LongFunction<byte[]> entries;

    private ReferenceLog(LongFunction<byte[]> entries) {
        this.entries = entries;
    }

    static ReferenceLog of(String name) {
        return new ReferenceLog(i -> entry(name, i));
    }

    /** The same entries as {@code of(name)} except entry {@code changedIndex}. */
    static ReferenceLog forkOf(String name, long changedIndex) {
        return new ReferenceLog(i -> i == changedIndex ? entry(name + "-forked", i) : entry(name, i));
    }

    private static byte[] entry(String name, long i) {
        return ("{\"log\":\"" + name + "\",\"i\":" + i + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** Makes sure the log has at least {@code size} entries. */
    ReferenceLog growTo(long size) {
        List<byte[]> more = new ArrayList<>();
        for (long i = store.size(); i < size; i++) {
            more.add(entries.apply(i));
        }
        if (!more.isEmpty()) {
            store.appendEntries(more);
        }
        return this;
    }

    byte[] leafHash(long index) {
        return TreeHasher.leafHash(entries.apply(index)).toBytes();
    }

    byte[] root(long size) {
        growTo(size);
        return MerkleProofs.root(store, size).toBytes();
    }

    List<byte[]> consistency(long first, long second) {
        growTo(second);
        return bytes(MerkleProofs.consistencyProof(store, first, second).path());
    }

    List<byte[]> inclusion(long index, long size) {
        growTo(size);
        return bytes(MerkleProofs.inclusionProof(store, index, size).path());
    }

    private static List<byte[]> bytes(List<Sha256Hash> hashes) {
        return hashes.stream().map(Sha256Hash::toBytes).toList();
    }
}
