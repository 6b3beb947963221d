package kg.vareg.ledger.cli;

import static kg.vareg.ledger.LogVerificationException.Reason.MALFORMED_INPUT;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import kg.vareg.ledger.LogVerificationException;
import kg.vareg.ledger.checkpoint.NoteVerifier;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;
import kg.vareg.ledger.merkle.InclusionProof;
import kg.vareg.ledger.verify.LogVerifier;
import kg.vareg.ledger.verify.ProofCodec;
import kg.vareg.ledger.verify.VerifiedCheckpoint;

/** {@code verify-entry}: a journal entry is in the log at the size of a signed checkpoint. */
final class VerifyEntryCommand implements Command {

    @Override
    public String name() {
        return "verify-entry";
    }

    @Override
    public String summary() {
        return "verify that a register entry is included in a signed checkpoint";
    }

    @Override
    public String usage() {
        return """
                usage: vareg-verify verify-entry --bundle <file.json> --checkpoint <note file> --key <key or file> [--origin <origin>]

                  --bundle      JSON object with the entry and its inclusion proof:
                                  "entry"          base64 of the entry's canonical (RFC 8785) bytes, or
                                  "entryJson"      the entry as JSON (canonicalized here with RFC 8785)
                                  "leafIndex"      the entry's index in the log
                                  "treeSize"       the tree size the proof is for (= checkpoint size)
                                  "inclusionPath"  array of hex SHA-256 hashes (RFC 9162 inclusion path)
                  --checkpoint  the signed checkpoint note (c2sp.org/tlog-checkpoint, Ed25519 signed-note)
                  --key         the log's verifier key <name>+<hex id>+<base64 key>, or a file holding it
                  --origin      expected checkpoint origin (default: the key name)
                """;
    }

    @Override
    public void run(String[] args, PrintStream out) throws LogVerificationException, UsageException, IOException {
        Options o = Options.parse(args, Set.of("bundle", "checkpoint", "key", "origin"));
        String bundleFile = o.required("bundle");
        String checkpointFile = o.required("checkpoint");
        NoteVerifier key = Inputs.key(o.required("key"));
        String origin = o.optional("origin") != null ? o.optional("origin") : key.name();
        LogVerifier log = LogVerifier.create(key, origin);

        VerifiedCheckpoint cp = log.verifyCheckpoint(Inputs.readFile(checkpointFile));
        Map<String, Object> bundle = Inputs.jsonObject(bundleFile);
        byte[] entry = entryBytes(bundle, bundleFile);
        InclusionProof proof = new InclusionProof(
                Inputs.longField(bundle, "leafIndex", bundleFile),
                Inputs.longField(bundle, "treeSize", bundleFile),
                ProofCodec.hexHashes(Inputs.stringList(bundle, "inclusionPath", bundleFile)));
        Sha256Hash leaf = TreeHasher.leafHash(entry);
        log.verifyInclusion(proof, leaf, cp);
        out.println("OK: entry " + proof.index() + " (leaf hash " + leaf + ") is included in " + cp.origin()
                + " at tree size " + cp.size() + ", root " + cp.root());
    }

    private static byte[] entryBytes(Map<String, Object> bundle, String file) throws LogVerificationException {
        boolean hasRaw = bundle.containsKey("entry");
        boolean hasJson = bundle.containsKey("entryJson");
        if (hasRaw == hasJson) {
            throw new LogVerificationException(MALFORMED_INPUT,
                    file + ": give exactly one of 'entry' (base64) and 'entryJson'");
        }
        if (hasJson) {
            return Inputs.json().toBytes(bundle.get("entryJson"));
        }
        if (!(bundle.get("entry") instanceof String b64)) {
            throw new LogVerificationException(MALFORMED_INPUT, file + ": 'entry' must be a base64 string");
        }
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new LogVerificationException(MALFORMED_INPUT, file + ": 'entry' is not valid base64");
        }
    }
}
