package kg.vareg.backend.proofs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.List;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.backend.proofs.ProofViews.CheckpointView;
import kg.vareg.backend.proofs.ProofViews.ConsistencyProofView;
import kg.vareg.backend.proofs.ProofViews.DocumentVerificationView;
import kg.vareg.backend.proofs.ProofViews.EntryView;
import kg.vareg.backend.proofs.ProofViews.InclusionProofView;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public, unauthenticated proof API (¶66: the register is public; journal entries carry only
 * commitments of founders' data, never the data). Read-only; nothing here trusts the caller.
 */
@RestController
@Tag(name = "Public log", description = "Entries of the register's Merkle log, inclusion and consistency proofs, "
        + "signed checkpoints and their on-chain anchors; public document hash verification")
class PublicLogController {

    private final PublicLogService service;

    PublicLogController(PublicLogService service) {
        this.service = service;
    }

    @GetMapping("/api/v1/public/log/verifier-keys")
    @Operation(summary = "The checkpoint signers' public Ed25519 verifier keys (c2sp.org/signed-note "
            + "name+keyid+base64), as the anchoring worker recorded them when it started; the current key first. "
            + "Older keys stay listed so checkpoints signed before a rotation remain verifiable.")
    ProofViews.VerifierKeysView verifierKeys() {
        return service.verifierKeys();
    }

    @GetMapping("/api/v1/public/log/entries/{index}")
    @Operation(summary = "A log entry by index, with its canonical bytes and its inclusion proof to the latest "
            + "anchored checkpoint (the proof is absent while the entry waits for its anchor)")
    @ApiResponse(responseCode = "200", description = "the entry")
    @ApiResponse(responseCode = "400", description = "index negative or not below the log size (problem+json, field 'index')")
    @ApiResponse(responseCode = "404", description = "no such entry")
    EntryView entry(@PathVariable("index") @Parameter(description = "0-based leaf index") long index) {
        return service.entry(index);
    }

    @GetMapping("/api/v1/public/log/entries")
    @Operation(summary = "Log entries by RFC 9162 leaf hash (SHA-256(0x00 || canonical bytes)), hex")
    @ApiResponse(responseCode = "404", description = "no entry has this leaf hash")
    List<EntryView> entriesByLeafHash(@RequestParam("leafHash") String leafHash) {
        return service.entriesByLeafHash(leafHash);
    }

    @GetMapping("/api/v1/public/log/proofs/inclusion")
    @Operation(summary = "Inclusion proof of an entry; treeSize defaults to the latest anchored checkpoint")
    InclusionProofView inclusion(@RequestParam("index") long index,
                                 @RequestParam(name = "treeSize", required = false) Long treeSize) {
        return service.inclusion(index, treeSize);
    }

    @GetMapping("/api/v1/public/log/proofs/consistency")
    @Operation(summary = "Consistency proof that the tree of size 'first' is a prefix of the tree of size 'second'")
    ConsistencyProofView consistency(@RequestParam("first") long first, @RequestParam("second") long second) {
        return service.consistency(first, second);
    }

    @GetMapping("/api/v1/public/log/checkpoints/latest")
    @Operation(summary = "The latest signed checkpoint; anchored=true (default) for the latest anchored one")
    CheckpointView latestCheckpoint(@RequestParam(name = "anchored", defaultValue = "true") boolean anchored) {
        return service.latestCheckpoint(anchored);
    }

    @GetMapping("/api/v1/public/log/checkpoints/{size}")
    @Operation(summary = "The signed checkpoint of a tree size, with its anchor transaction, block and time")
    CheckpointView checkpoint(@PathVariable("size") long size) {
        return service.checkpoint(size);
    }

    @GetMapping("/api/v1/public/log/checkpoints")
    @Operation(summary = "Anchored checkpoints with tree size above 'after', in size order (for monitors)")
    List<CheckpointView> anchoredCheckpoints(@RequestParam(name = "after", defaultValue = "0") long after,
                                             @RequestParam(name = "limit", defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new LogRequestException.BadField("limit", "limit must be in [1, 1000], got " + limit);
        }
        return service.anchoredCheckpoints(after, limit);
    }

    @GetMapping("/api/v1/public/verify-document")
    @Operation(summary = "Register entries that carry a document's SHA-256, each with proof and anchor")
    DocumentVerificationView verifyDocument(@RequestParam("sha256") String sha256) {
        return service.document(sha256);
    }

    @PostMapping(path = "/api/v1/public/verify-document", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a document: its SHA-256 is computed here (the file is not stored) and looked up")
    DocumentVerificationView verifyUploadedDocument(@RequestPart("file") MultipartFile file) throws IOException {
        MessageDigest md = Sha256Hash.newDigest();
        try (InputStream in = file.getInputStream()) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return service.document(Sha256Hash.of(md.digest()).toHex());
    }
}
