package kg.vareg.verifier.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kg.vareg.ledger.LogVerificationException;
import kg.vareg.ledger.LogVerificationException.Reason;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.json.CanonicalJson;
import kg.vareg.ledger.merkle.ConsistencyProof;
import kg.vareg.ledger.verify.MerkleVerifier;
import kg.vareg.ledger.verify.ProofCodec;

/**
 * {@code vareg-verify monitor}: follows RegistryAnchor's {@code CheckpointAnchored} events (eth_getLogs
 * polling) and, for every anchored checkpoint, checks that
 * <ol>
 *   <li>its sequence follows the previous one (no event missed) and its size grows;</li>
 *   <li>the contract's own {@code rootAt(size)} is the event's root;</li>
 *   <li>the backend serves a checkpoint of that size with the SAME root (the log vareg shows the public is
 *       the log anchored on-chain);</li>
 *   <li>the backend's RFC 9162 consistency proof from the previous anchored checkpoint verifies between the
 *       two roots taken from the CHAIN (so the backend cannot choose the roots it is judged against);</li>
 * </ol>
 * and that every checkpoint the backend lists as anchored on this contract ({@code checkpoints?after=}) is
 * anchored there with the same root. The first failure ends the run with one {@code FAIL:} line.
 */
final class LogMonitor {

    private static final CanonicalJson JSON = CanonicalJson.standard();

    record Options(String backend, long fromBlock, int confirmations, boolean once, Duration interval) {
    }

    private final AnchorChain chain;
    private final String contract;
    private final Options options;
    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private long nextBlock;
    private AnchorChain.OnChain previous;     // the last verified anchored checkpoint (size, root), null before
    private long previousSequence = -1;
    private long verified;

    LogMonitor(AnchorChain chain, String contract, Options options, PrintStream out, PrintStream err) {
        this.chain = chain;
        this.contract = contract;
        this.options = options;
        this.out = out;
        this.err = err;
        this.nextBlock = options.fromBlock();
    }

    /** Runs once (--once) or until a check fails. Returns normally only when everything seen verified. */
    void run() throws IOException, InterruptedException, LogVerificationException {
        if (options.once()) {
            pass();
            out.println(verified == 0 ? "OK: no checkpoint anchored yet (up to block " + (nextBlock - 1) + ")"
                    : "OK: " + verified + " anchored checkpoints verified, latest size " + previous.size() + " root "
                    + previous.root() + " (consistent on-chain history, same roots as the backend)");
            return;
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vareg-monitor");
            t.setDaemon(true);
            return t;
        });
        CompletableFuture<Void> failed = new CompletableFuture<>();
        timer.scheduleWithFixedDelay(() -> {
            try {
                pass();
            } catch (LogVerificationException e) {
                failed.completeExceptionally(e);
            } catch (IOException | RuntimeException e) {
                // A node or backend that is briefly away is not a finding: say so and poll again.
                err.println("WARN: " + e.getMessage() + " (retrying in " + options.interval().toSeconds() + " s)");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.completeExceptionally(e);
            }
        }, 0, options.interval().toMillis(), TimeUnit.MILLISECONDS);
        try {
            failed.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LogVerificationException lve) {
                throw lve;
            }
            throw new IOException(e.getCause());
        } finally {
            timer.shutdownNow();
        }
    }

    /** Every new event up to head − confirmations, in chain order; then the backend's claims. */
    void pass() throws IOException, InterruptedException, LogVerificationException {
        long upTo = chain.headBlock() - options.confirmations();
        if (upTo < nextBlock) {
            return;
        }
        long sizeBefore = previous == null ? 0 : previous.size();
        for (AnchorChain.Anchored a : chain.anchoredEvents(nextBlock, upTo)) {
            check(a);
        }
        nextBlock = upTo + 1;
        checkBackendClaims(sizeBefore);
    }

    private void check(AnchorChain.Anchored a) throws IOException, InterruptedException, LogVerificationException {
        String where = "checkpoint #" + a.sequence() + " (size " + a.size() + ", block " + a.blockNumber() + ", tx "
                + a.txHash() + ")";
        if (previous == null && a.sequence() > 0) {
            // Started mid-history (--from-block): the previous checkpoint comes from the contract itself.
            previous = chain.checkpointAt(a.sequence() - 1).orElseThrow(() -> fail(where
                    + ": the contract has no checkpoint #" + (a.sequence() - 1)));
            previousSequence = a.sequence() - 1;
        }
        if (a.sequence() != previousSequence + 1) {
            throw fail(where + ": expected checkpoint #" + (previousSequence + 1) + " next, CheckpointAnchored events are missing");
        }
        if (previous != null && a.size() <= previous.size()) {
            throw fail(where + ": size does not grow from " + previous.size());
        }
        Optional<Sha256Hash> onChain = chain.anchoredRoot(a.size());
        if (onChain.isEmpty() || !onChain.get().equals(a.root())) {
            throw fail(where + ": the contract's rootAt(" + a.size() + ") is " + onChain.map(Sha256Hash::toHex).orElse("empty")
                    + ", the event says " + a.root());
        }
        Response cp = get("/api/v1/public/log/checkpoints/" + a.size());
        if (cp.status() == 404) {
            throw fail(where + ": the backend has no checkpoint of size " + a.size());
        }
        Sha256Hash backendRoot = ProofCodec.hexHash(string(cp.object(), "rootHash"), "rootHash");
        if (!backendRoot.equals(a.root())) {
            throw fail(where + ": the backend's checkpoint of size " + a.size() + " has root " + backendRoot
                    + " but the contract anchored " + a.root());
        }
        if (previous != null) {
            Response c = get("/api/v1/public/log/proofs/consistency?first=" + previous.size() + "&second=" + a.size());
            if (c.status() != 200) {
                throw fail(where + ": the backend gives no consistency proof from size " + previous.size()
                        + " (HTTP " + c.status() + ")");
            }
            ConsistencyProof proof = new ConsistencyProof(previous.size(), a.size(),
                    ProofCodec.hexHashes(strings(c.object(), "consistencyPath")));
            try {
                MerkleVerifier.verifyConsistency(proof, previous.root(), a.root());
            } catch (LogVerificationException e) {
                throw fail(where + " is not proven consistent with the anchored checkpoint of size " + previous.size()
                        + " by the backend's log: " + e.getMessage());
            }
        }
        out.println("OK: " + where + " root " + a.root()
                + (previous == null ? " (first)" : " extends size " + previous.size()) + ", same root as the backend");
        previous = new AnchorChain.OnChain(a.size(), a.root());
        previousSequence = a.sequence();
        verified++;
    }

    /** Checkpoints the backend says are anchored on THIS contract must be there, with the same root. */
    private void checkBackendClaims(long after) throws IOException, InterruptedException, LogVerificationException {
        long latest = previous == null ? 0 : previous.size();
        Response r = get("/api/v1/public/log/checkpoints?after=" + after + "&limit=1000");
        if (r.status() != 200 || !(r.body() instanceof List<?> list)) {
            throw new IOException("GET checkpoints?after=" + after + " answered HTTP " + r.status());
        }
        for (Object o : list) {
            Map<String, Object> cp = object(o);
            if (!(cp.get("anchor") instanceof Map<?, ?> anchor)
                    || !contract.equalsIgnoreCase(String.valueOf(anchor.get("contractAddress")))) {
                continue;
            }
            long size = number(cp, "treeSize");
            if (size > latest) {
                continue; // anchored after the block we scanned up to: the next pass sees its event first
            }
            Sha256Hash root = ProofCodec.hexHash(string(cp, "rootHash"), "rootHash");
            Optional<Sha256Hash> onChain = chain.anchoredRoot(size);
            if (onChain.isEmpty() || !onChain.get().equals(root)) {
                throw fail("the backend lists size " + size + " as anchored on " + contract + " (tx " + anchor.get("txHash")
                        + ") but the contract " + onChain.map(h -> "holds root " + h).orElse("has no checkpoint of that size"));
            }
        }
    }

    private static LogVerificationException fail(String message) {
        return new LogVerificationException(Reason.ROOT_MISMATCH, message);
    }

    private record Response(int status, Object body) {
        Map<String, Object> object() {
            return LogMonitor.object(body);
        }
    }

    private Response get(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(options.backend() + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() >= 500) {
            throw new IOException("GET " + path + " answered HTTP " + r.statusCode());
        }
        return new Response(r.statusCode(), r.statusCode() == 200 ? JSON.parse(r.body()) : null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object v) {
        if (!(v instanceof Map<?, ?> m)) {
            throw new IllegalStateException("the backend answered something other than a JSON object");
        }
        return (Map<String, Object>) m;
    }

    private static String string(Map<String, Object> o, String field) {
        if (!(o.get(field) instanceof String s)) {
            throw new IllegalStateException("the backend's field '" + field + "' is not a string");
        }
        return s;
    }

    private static long number(Map<String, Object> o, String field) {
        if (!(o.get(field) instanceof Number n)) {
            throw new IllegalStateException("the backend's field '" + field + "' is not a number");
        }
        return n.longValue();
    }

    private static List<String> strings(Map<String, Object> o, String field) {
        if (!(o.get(field) instanceof List<?> l)) {
            throw new IllegalStateException("the backend's field '" + field + "' is not an array");
        }
        List<String> s = new ArrayList<>();
        l.forEach(x -> s.add(String.valueOf(x)));
        return s;
    }
}
