package kg.vareg.contracts.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;

/**
 * Leaf hashes of a synthetic log, the same on every run: entry i is a small canonical-JSON-like
 * record naming i and a seed, hashed as an RFC 9162 leaf.
 */
public final class DeterministicLeaves {

    private final String seed;

    public DeterministicLeaves(String seed) {
        this.seed = seed;
    }

    public byte[] entry(long index) {
        return ("{\"bench\":\"" + seed + "\",\"index\":" + index + "}").getBytes(StandardCharsets.UTF_8);
    }

    public Sha256Hash leafHash(long index) {
        return TreeHasher.leafHash(entry(index));
    }

    /** Leaf hashes of entries [from, to). */
    public List<Sha256Hash> range(long from, long to) {
        List<Sha256Hash> out = new ArrayList<>((int) (to - from));
        for (long i = from; i < to; i++) {
            out.add(leafHash(i));
        }
        return out;
    }
}
