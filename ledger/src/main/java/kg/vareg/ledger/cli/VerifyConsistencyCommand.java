package kg.vareg.ledger.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import kg.vareg.ledger.LogVerificationException;
import kg.vareg.ledger.checkpoint.NoteVerifier;
import kg.vareg.ledger.merkle.ConsistencyProof;
import kg.vareg.ledger.verify.LogVerifier;
import kg.vareg.ledger.verify.ProofCodec;
import kg.vareg.ledger.verify.VerifiedCheckpoint;

/** {@code verify-consistency}: the newer checkpoint's log extends the older one's. */
final class VerifyConsistencyCommand implements Command {

    @Override
    public String name() {
        return "verify-consistency";
    }

    @Override
    public String summary() {
        return "verify that a newer signed checkpoint extends an older one (append-only)";
    }

    @Override
    public String usage() {
        return """
                usage: vareg-verify verify-consistency --old <note file> --new <note file> --proof <file.json> --key <key or file> [--origin <origin>]

                  --old, --new  the two signed checkpoint notes
                  --proof       JSON object: "firstSize", "secondSize" and "consistencyPath"
                                (array of hex SHA-256 hashes, RFC 9162 consistency path)
                  --key         the log's verifier key <name>+<hex id>+<base64 key>, or a file holding it
                  --origin      expected checkpoint origin (default: the key name)
                """;
    }

    @Override
    public void run(String[] args, PrintStream out) throws LogVerificationException, UsageException, IOException {
        Options o = Options.parse(args, Set.of("old", "new", "proof", "key", "origin"));
        String oldFile = o.required("old");
        String newFile = o.required("new");
        String proofFile = o.required("proof");
        NoteVerifier key = Inputs.key(o.required("key"));
        String origin = o.optional("origin") != null ? o.optional("origin") : key.name();
        LogVerifier log = LogVerifier.create(key, origin);

        VerifiedCheckpoint older = log.verifyCheckpoint(Inputs.readFile(oldFile));
        VerifiedCheckpoint newer = log.verifyCheckpoint(Inputs.readFile(newFile));
        Map<String, Object> p = Inputs.jsonObject(proofFile);
        ConsistencyProof proof = new ConsistencyProof(
                Inputs.longField(p, "firstSize", proofFile),
                Inputs.longField(p, "secondSize", proofFile),
                ProofCodec.hexHashes(Inputs.stringList(p, "consistencyPath", proofFile)));
        log.verifyConsistency(proof, older, newer);
        out.println("OK: " + origin + " at size " + newer.size() + " extends size " + older.size()
                + " (roots " + older.root() + " -> " + newer.root() + ")");
    }
}
