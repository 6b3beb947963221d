package kg.vareg.ledger.tile;

import java.io.UncheckedIOException;
import kg.vareg.ledger.LogVerificationException;
import kg.vareg.ledger.LogVerificationException.Reason;
import kg.vareg.ledger.checkpoint.Checkpoint;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.merkle.ConsistencyProof;
import kg.vareg.ledger.merkle.InclusionProof;
import kg.vareg.ledger.merkle.MerkleProofs;
import kg.vareg.ledger.merkle.NodeId;
import kg.vareg.ledger.verify.MerkleVerifier;

/**
 * Inclusion and consistency proofs built from tlog-tiles tiles alone, given a checkpoint (whose signature
 * the caller has verified, e.g. with {@code LogVerifier.verifyCheckpoint}). The same RFC 9162 algorithm as
 * the server's {@link MerkleProofs}, over a {@link TileHashStore}; each proof is then verified against the
 * checkpoint's root, so a wrong or tampered tile is reported ({@code ROOT_MISMATCH}), never returned as a
 * proof. A tile that cannot be fetched or has the wrong length is {@code MALFORMED_INPUT}.
 */
public final class TileProofs {

    private TileProofs() {
    }

    /** The proof that leaf {@code index} is in the checkpoint's tree. */
    public static InclusionProof inclusionProof(TileReader tiles, Checkpoint checkpoint, long index)
            throws LogVerificationException {
        if (index < 0 || index >= checkpoint.size()) {
            throw new LogVerificationException(Reason.INDEX_OUT_OF_RANGE,
                    "leaf index " + index + " is not in a tree of size " + checkpoint.size());
        }
        TileHashStore store = new TileHashStore(tiles, checkpoint.size());
        try {
            InclusionProof proof = MerkleProofs.inclusionProof(store, index, checkpoint.size());
            Sha256Hash leaf = store.nodeHash(NodeId.leaf(index));
            MerkleVerifier.verifyInclusion(proof, leaf, checkpoint.root());
            return proof;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new LogVerificationException(Reason.MALFORMED_INPUT, e.getMessage(), e);
        }
    }

    /** The leaf hash at {@code index}, as proven by the tiles against the checkpoint. */
    public static Sha256Hash leafHash(TileReader tiles, Checkpoint checkpoint, long index)
            throws LogVerificationException {
        inclusionProof(tiles, checkpoint, index);
        try {
            return new TileHashStore(tiles, checkpoint.size()).nodeHash(NodeId.leaf(index));
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new LogVerificationException(Reason.MALFORMED_INPUT, e.getMessage(), e);
        }
    }

    /** The proof that {@code older}'s tree is a prefix of {@code newer}'s, built from the newer tree's tiles. */
    public static ConsistencyProof consistencyProof(TileReader tiles, Checkpoint older, Checkpoint newer)
            throws LogVerificationException {
        if (older.size() <= 0) {
            throw new LogVerificationException(Reason.EMPTY_TREE, "the older tree is empty; it needs no proof");
        }
        if (older.size() > newer.size()) {
            throw new LogVerificationException(Reason.SIZES_OUT_OF_ORDER,
                    "older size " + older.size() + " is above newer size " + newer.size());
        }
        TileHashStore store = new TileHashStore(tiles, newer.size());
        try {
            ConsistencyProof proof = MerkleProofs.consistencyProof(store, older.size(), newer.size());
            MerkleVerifier.verifyConsistency(proof, older.root(), newer.root());
            return proof;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new LogVerificationException(Reason.MALFORMED_INPUT, e.getMessage(), e);
        }
    }

    /** The root of a tree of {@code size} leaves computed from tiles (unchecked: compare it yourself). */
    public static Sha256Hash root(TileReader tiles, long size) throws LogVerificationException {
        try {
            return MerkleProofs.root(new TileHashStore(tiles, size), size);
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new LogVerificationException(Reason.MALFORMED_INPUT, e.getMessage(), e);
        }
    }
}
