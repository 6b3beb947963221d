package kg.vareg.backend.proofs;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** JSON shapes of the public log API. Hashes are lower-case hex; canonical bytes are base64. */
final class ProofViews {

    private ProofViews() {
    }

    @Schema(description = "An anchor transaction of a checkpoint on the EVM chain")
    record AnchorView(long treeSize, long chainId, String contractAddress, String txHash, String status,
                      Long blockNumber, String blockHash, Instant blockTime) {
    }

    @Schema(description = "A signed checkpoint (C2SP tlog-checkpoint note, Ed25519) and, if anchored, its anchor")
    record CheckpointView(long treeSize, String rootHash, String signedNote, Instant signedAt, AnchorView anchor) {
    }

    @Schema(description = "RFC 9162 inclusion proof; verify with vareg-verify verify-entry or verify-chain")
    record InclusionProofView(long leafIndex, long treeSize, String leafHash, List<String> inclusionPath,
                              String rootHash) {
    }

    @Schema(description = "RFC 9162 consistency proof between two tree sizes")
    record ConsistencyProofView(long firstSize, long secondSize, String firstRoot, String secondRoot,
                                List<String> consistencyPath) {
    }

    @Schema(description = "The input of `vareg-verify verify-entry --bundle` (and `verify-chain`)")
    record BundleView(String entry, long leafIndex, long treeSize, List<String> inclusionPath) {
    }

    @Schema(description = "A register journal entry in the log, with its proof to the latest anchored checkpoint")
    record EntryView(long leafIndex, long journalId, String recordType, int recordVersion, Instant recordedAt,
                     String leafHash,
                     @Schema(description = "base64 of the entry's canonical RFC 8785 bytes (what is hashed)") String canonical,
                     @Schema(description = "the same bytes as UTF-8 text") String canonicalJson,
                     @Schema(description = "false while the entry waits for its anchor; proof and bundle are then absent")
                     boolean anchored,
                     InclusionProofView inclusionProof, CheckpointView checkpoint, BundleView bundle) {
    }

    @Schema(description = "Register entries carrying a document's SHA-256")
    record DocumentVerificationView(String sha256, int matches, List<EntryView> entries) {
    }

    @Schema(description = "A checkpoint signer's public verifier key")
    record VerifierKeyView(
            @Schema(description = "c2sp.org/signed-note verifier key: <name>+<8 hex key id>+<base64(0x01 || public key)>")
            String verifierKey,
            @Schema(description = "key name = the checkpoint origin, as on the note's signature line") String name,
            @Schema(description = "key id, 8 hex digits: SHA-256(name || 0x0A || 0x01 || public key)[:4]") String keyId,
            @Schema(description = "always Ed25519") String algorithm,
            @Schema(description = "base64 of the raw 32-byte Ed25519 public key (WebCrypto importKey 'raw')") String publicKey,
            Instant firstStartedAt, Instant lastStartedAt,
            @Schema(description = "the key of the most recent worker start") boolean current) {
    }

    @Schema(description = "Published checkpoint verifier keys, the current one first")
    record VerifierKeysView(List<VerifierKeyView> keys) {
    }
}
