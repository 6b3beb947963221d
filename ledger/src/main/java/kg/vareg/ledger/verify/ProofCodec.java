package kg.vareg.ledger.verify;

import static kg.vareg.ledger.LogVerificationException.Reason.MALFORMED_HASH;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import kg.vareg.ledger.LogVerificationException;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.merkle.ConsistencyProof;
import kg.vareg.ledger.merkle.InclusionProof;

/**
 * Turns proofs as they arrive on the wire (raw byte strings, hex strings) into proof records,
 * reporting a short or long hash as a verification failure ({@code MALFORMED_HASH}) rather than
 * as a programming error — a truncated hash in a bundle is an attack or a bug upstream, and the
 * verifier must say so precisely.
 */
public final class ProofCodec {

    private ProofCodec() {
    }

    public static InclusionProof inclusionProof(long index, long treeSize, List<byte[]> path)
            throws LogVerificationException {
        return new InclusionProof(index, treeSize, hashes(path));
    }

    public static ConsistencyProof consistencyProof(long firstSize, long secondSize, List<byte[]> path)
            throws LogVerificationException {
        return new ConsistencyProof(firstSize, secondSize, hashes(path));
    }

    /** Each element must be exactly 32 bytes. */
    public static List<Sha256Hash> hashes(List<byte[]> raw) throws LogVerificationException {
        List<Sha256Hash> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            out.add(hash(raw.get(i), "proof element " + i));
        }
        return out;
    }

    /** Each element must be exactly 64 hex digits. */
    public static List<Sha256Hash> hexHashes(List<String> hex) throws LogVerificationException {
        List<Sha256Hash> out = new ArrayList<>(hex.size());
        for (int i = 0; i < hex.size(); i++) {
            out.add(hexHash(hex.get(i), "proof element " + i));
        }
        return out;
    }

    public static Sha256Hash hash(byte[] raw, String what) throws LogVerificationException {
        if (raw == null || raw.length != Sha256Hash.LENGTH) {
            throw new LogVerificationException(MALFORMED_HASH, what + " is "
                    + (raw == null ? "missing" : raw.length + " bytes") + ", a SHA-256 hash is 32 bytes");
        }
        return Sha256Hash.of(raw);
    }

    public static Sha256Hash hexHash(String hex, String what) throws LogVerificationException {
        if (hex == null) {
            throw new LogVerificationException(MALFORMED_HASH, what + " is missing");
        }
        String h = hex.startsWith("0x") ? hex.substring(2) : hex;
        byte[] raw;
        try {
            raw = HexFormat.of().parseHex(h);
        } catch (IllegalArgumentException e) {
            throw new LogVerificationException(MALFORMED_HASH, what + " is not hex");
        }
        return hash(raw, what);
    }
}
