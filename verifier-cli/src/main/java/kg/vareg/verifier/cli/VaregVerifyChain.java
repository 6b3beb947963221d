package kg.vareg.verifier.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kg.vareg.ledger.LogVerificationException;
import kg.vareg.ledger.cli.VaregVerify;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.hash.TreeHasher;
import kg.vareg.ledger.json.CanonicalJson;
import kg.vareg.ledger.merkle.InMemoryHashStore;
import kg.vareg.ledger.merkle.InclusionProof;
import kg.vareg.ledger.merkle.MerkleProofs;
import kg.vareg.ledger.verify.MerkleVerifier;
import kg.vareg.ledger.verify.ProofCodec;

/**
 * {@code vareg-verify} with the chain commands. {@code verify-chain} and {@code audit} are handled
 * here; every other command goes to the ledger's offline {@link VaregVerify}, unchanged. Same exit
 * codes: 0 everything verified, 1 one {@code FAIL: <reason>} line, 2 usage.
 */
public final class VaregVerifyChain {

    private static final CanonicalJson JSON = CanonicalJson.standard();

    private VaregVerifyChain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !(args[0].equals("verify-chain") || args[0].equals("audit")
                || args[0].equals("monitor"))) {
            int code = VaregVerify.run(args, out, err);
            if (args.length > 0 && (args[0].equals("--help") || args[0].equals("help")) && args.length == 1) {
                out.print(USAGE);
            }
            return code;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            Map<String, String> o = options(rest);
            if (o.containsKey("help")) {
                out.print(USAGE);
                return VaregVerify.OK;
            }
            try (AnchorChain chain = new AnchorChain(required(o, "rpc"), required(o, "contract"))) {
                if (args[0].equals("verify-chain")) {
                    verifyChain(o, chain, out);
                } else if (args[0].equals("monitor")) {
                    new LogMonitor(chain, required(o, "contract"), monitorOptions(o), out, err).run();
                } else {
                    audit(required(o, "backend"), chain, out);
                }
            }
            return VaregVerify.OK;
        } catch (IllegalArgumentException e) {
            err.println("FAIL: usage: " + e.getMessage() + " (see vareg-verify --help)");
            return VaregVerify.USAGE;
        } catch (LogVerificationException e) {
            err.println("FAIL: " + oneLine(e.getMessage()));
            return VaregVerify.FAILED;
        } catch (IOException e) {
            err.println("FAIL: " + oneLine(String.valueOf(e.getMessage())));
            return VaregVerify.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("FAIL: interrupted");
            return VaregVerify.FAILED;
        } catch (RuntimeException e) {
            err.println("FAIL: internal error: " + oneLine(e.toString()));
            return VaregVerify.FAILED;
        }
    }

    static final String USAGE = """

            chain commands (this jar):
              verify-chain --bundle <file.json> --rpc <url> --contract <address>
                  the entry of the bundle (as served by GET /api/v1/public/log/entries/{i}, field "bundle")
                  is included in the tree the anchor contract holds for the bundle's treeSize
                  (eth_call rootAt and verifyInclusion; no trust in vareg's servers)
              audit --backend <url> --rpc <url> --contract <address>
                  recomputes every leaf from the backend's canonical entries up to the contract's latest
                  anchored size and names the FIRST entry that no longer matches the anchored root
              monitor --rpc <url> --contract <address> --backend <url> [--once] [--from-block <n>]
                      [--confirmations <k>] [--interval <seconds>]
                  follows the contract's CheckpointAnchored events (eth_getLogs polling); each anchored checkpoint
                  must extend the previous one (the backend's consistency proof, verified between the roots on
                  the chain) and the backend's checkpoint of that size must have the same root. One OK line per
                  checkpoint; --once checks everything up to the head and exits 0, else it polls every
                  --interval seconds (default 15) until a check fails (exit 1, one FAIL line)
            """;

    private static LogMonitor.Options monitorOptions(Map<String, String> o) {
        String backend = required(o, "backend").replaceAll("/+$", "");
        long from = longOption(o, "from-block", 0);
        long confirmations = longOption(o, "confirmations", 0);
        long interval = longOption(o, "interval", 15);
        if (interval < 1 || confirmations > 1000) {
            throw new IllegalArgumentException("--interval must be >= 1 and --confirmations <= 1000");
        }
        return new LogMonitor.Options(backend, from, (int) confirmations, o.containsKey("once"),
                java.time.Duration.ofSeconds(interval));
    }

    private static long longOption(Map<String, String> o, String name, long dflt) {
        String v = o.get(name);
        if (v == null) {
            return dflt;
        }
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a non-negative whole number, got '" + v + "'");
        }
    }

    // ------------------------------------------------------------------ verify-chain

    private static void verifyChain(Map<String, String> o, AnchorChain chain, PrintStream out)
            throws IOException, LogVerificationException {
        Map<String, Object> bundle = object(JSON.parse(Files.readAllBytes(Path.of(required(o, "bundle")))), "bundle");
        byte[] entry = Base64.getDecoder().decode(string(bundle, "entry"));
        InclusionProof proof = new InclusionProof(number(bundle, "leafIndex"), number(bundle, "treeSize"),
                ProofCodec.hexHashes(strings(bundle, "inclusionPath")));
        Sha256Hash leaf = TreeHasher.leafHash(entry);
        Sha256Hash root = chain.anchoredRoot(proof.treeSize()).orElseThrow(() -> new LogVerificationException(
                LogVerificationException.Reason.ROOT_MISMATCH,
                "tree size " + proof.treeSize() + " is not anchored on contract"));
        MerkleVerifier.verifyInclusion(proof, leaf, root);
        Optional<Boolean> onChain = chain.verifyInclusion(leaf, proof);
        if (onChain.isPresent() && !onChain.get()) {
            throw new LogVerificationException(LogVerificationException.Reason.ROOT_MISMATCH,
                    "the contract's verifyInclusion rejects entry " + proof.index());
        }
        out.println("OK: entry " + proof.index() + " (leaf hash " + leaf + ") is included in the tree of size "
                + proof.treeSize() + " anchored on-chain with root " + root
                + (onChain.isPresent() ? " (contract verifyInclusion: true)" : " (verified locally against rootAt)"));
    }

    // ------------------------------------------------------------------ audit

    private static void audit(String backend, AnchorChain chain, PrintStream out)
            throws IOException, InterruptedException, LogVerificationException {
        AnchorChain.OnChain anchored = chain.latestCheckpoint();
        if (anchored.size() == 0) {
            out.println("OK: nothing anchored yet");
            return;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        InMemoryHashStore recomputed = new InMemoryHashStore();
        for (long i = 0; i < anchored.size(); i++) {
            Map<String, Object> e = object(get(http, backend + "/api/v1/public/log/entries/" + i), "entry " + i);
            byte[] canonical = Base64.getDecoder().decode(string(e, "canonical"));
            Sha256Hash leaf = TreeHasher.leafHash(canonical);
            recomputed.appendLeafHashes(List.of(leaf));
            // The backend's own proof for this entry, checked with the leaf WE computed, against the chain.
            Object b = e.get("bundle");
            if (b instanceof Map<?, ?>) {
                Map<String, Object> bundle = object(b, "bundle");
                long size = number(bundle, "treeSize");
                InclusionProof proof = new InclusionProof(i, size, ProofCodec.hexHashes(strings(bundle, "inclusionPath")));
                Optional<Sha256Hash> root = chain.anchoredRoot(size);
                if (root.isPresent()) {
                    try {
                        MerkleVerifier.verifyInclusion(proof, leaf, root.get());
                    } catch (LogVerificationException ex) {
                        throw diverging(i, e, "its canonical bytes do not hash into the root anchored at size " + size);
                    }
                }
            }
            if (!leaf.toHex().equals(string(e, "leafHash"))) {
                throw diverging(i, e, "its canonical bytes hash to " + leaf + " but the log holds " + string(e, "leafHash"));
            }
        }
        Sha256Hash root = MerkleProofs.root(recomputed, anchored.size());
        if (!root.equals(anchored.root())) {
            throw new LogVerificationException(LogVerificationException.Reason.ROOT_MISMATCH, "the " + anchored.size()
                    + " entries served by the backend recompute to root " + root + " but the contract holds "
                    + anchored.root());
        }
        out.println("OK: all " + anchored.size() + " entries recompute to the root anchored on-chain " + root);
    }

    private static LogVerificationException diverging(long i, Map<String, Object> e, String why) {
        return new LogVerificationException(LogVerificationException.Reason.ROOT_MISMATCH,
                "first diverging entry: index " + i + " (journal id " + number(e, "journalId") + "): " + why);
    }

    private static Object get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + url + " answered HTTP " + r.statusCode());
        }
        return JSON.parse(r.body());
    }

    // ------------------------------------------------------------------ small JSON / option helpers

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--help") || args[i].equals("--once")) {
                o.put(args[i].substring(2), "");
                continue;
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got '" + args[i] + "'");
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing required option --" + name);
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object v, String what) {
        if (!(v instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(what + " is not a JSON object");
        }
        return (Map<String, Object>) m;
    }

    private static String string(Map<String, Object> o, String field) {
        if (!(o.get(field) instanceof String s)) {
            throw new IllegalArgumentException("field '" + field + "' must be a string");
        }
        return s;
    }

    private static long number(Map<String, Object> o, String field) {
        if (!(o.get(field) instanceof Number n)) {
            throw new IllegalArgumentException("field '" + field + "' must be a number");
        }
        return n.longValue();
    }

    private static List<String> strings(Map<String, Object> o, String field) {
        if (!(o.get(field) instanceof List<?> l)) {
            throw new IllegalArgumentException("field '" + field + "' must be an array");
        }
        List<String> out = new ArrayList<>();
        for (Object x : l) {
            out.add(String.valueOf(x));
        }
        return out;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
    }
}
