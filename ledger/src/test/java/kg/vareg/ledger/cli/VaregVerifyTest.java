package kg.vareg.ledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kg.vareg.ledger.checkpoint.Checkpoint;
import kg.vareg.ledger.checkpoint.NoteSigner;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.json.CanonicalJson;
import kg.vareg.ledger.merkle.ConsistencyProof;
import kg.vareg.ledger.merkle.InMemoryHashStore;
import kg.vareg.ledger.merkle.InclusionProof;
import kg.vareg.ledger.merkle.MerkleProofs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI in-process: exit codes, one FAIL line, and real files as a user would have them. */
class VaregVerifyTest {

    static final String ORIGIN = "vareg.kg/log";
    static final CanonicalJson JCS = CanonicalJson.standard();

    @TempDir
    Path dir;

    final NoteSigner signer = NoteSigner.generate(ORIGIN, new SecureRandom());
    final InMemoryHashStore store = new InMemoryHashStore();
    final List<Map<String, Object>> entries = new ArrayList<>();
    String out;
    String err;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = VaregVerify.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void log() {
        for (int i = 0; i < 13; i++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("type", "EmissionRegistered");
            e.put("registrationNumber", "KG0107AB12" + i);
            e.put("seq", i);
            entries.add(e);
            store.appendEntries(List.of(JCS.toBytes(e)));
        }
    }

    Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    String checkpoint(long size) {
        return signer.sign(new Checkpoint(ORIGIN, size, MerkleProofs.root(store, size)).toText());
    }

    Map<String, Object> bundle(int index, long size, boolean asJson) {
        InclusionProof p = MerkleProofs.inclusionProof(store, index, size);
        Map<String, Object> b = new LinkedHashMap<>();
        if (asJson) {
            b.put("entryJson", entries.get(index));
        } else {
            b.put("entry", Base64.getEncoder().encodeToString(JCS.toBytes(entries.get(index))));
        }
        b.put("leafIndex", index);
        b.put("treeSize", size);
        b.put("inclusionPath", p.path().stream().map(Sha256Hash::toHex).toList());
        return b;
    }

    Run verifyEntry(Map<String, Object> bundle, String checkpoint, String key) throws IOException {
        return run("verify-entry", "--bundle", write("bundle.json", JCS.write(bundle)).toString(),
                "--checkpoint", write("checkpoint.note", checkpoint).toString(), "--key", key);
    }

    static void assertFailed(Run r, String reason) {
        assertThat(r.code()).isEqualTo(VaregVerify.FAILED);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("FAIL: ").contains(reason).endsWith(System.lineSeparator());
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void helpExitsZero() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("verify-entry", "verify-consistency", "exit status");
        assertThat(run("verify-entry", "--help").out()).contains("--bundle", "--checkpoint", "--key");
        assertThat(run("help", "verify-consistency").out()).contains("--old", "--new", "--proof");
    }

    @Test
    void verifiesAnEntryGivenAsBytesOrAsJson() throws IOException {
        String key = signer.verifier().encode();
        Run r = verifyEntry(bundle(5, 13, false), checkpoint(13), key);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("OK: entry 5");
        assertThat(r.err()).isEmpty();
        Path keyFile = write("log.key", key + "\n");
        assertThat(verifyEntry(bundle(12, 13, true), checkpoint(13), keyFile.toString()).code()).isZero();
        assertThat(verifyEntry(bundle(0, 1, true), checkpoint(1), key).code()).isZero();
    }

    @Test
    void tamperedEntryFails() throws IOException {
        Map<String, Object> b = bundle(5, 13, true);
        @SuppressWarnings("unchecked")
        Map<String, Object> e = new LinkedHashMap<>((Map<String, Object>) b.get("entryJson"));
        e.put("registrationNumber", "KG0107AB999");
        b.put("entryJson", e);
        assertFailed(verifyEntry(b, checkpoint(13), signer.verifier().encode()), "leads to root");
    }

    @Test
    void wrongIndexOrSizeOrPathFails() throws IOException {
        String key = signer.verifier().encode();
        Map<String, Object> b = bundle(5, 13, true);
        b.put("leafIndex", 6);
        assertFailed(verifyEntry(b, checkpoint(13), key), "root");
        b = bundle(5, 13, true);
        b.put("leafIndex", 13);
        assertFailed(verifyEntry(b, checkpoint(13), key), "not within a tree of size 13");
        assertFailed(verifyEntry(bundle(5, 12, true), checkpoint(13), key), "tree size 12");
        b = bundle(5, 13, true);
        @SuppressWarnings("unchecked")
        List<String> path = new ArrayList<>((List<String>) b.get("inclusionPath"));
        path.set(0, path.get(0).substring(2));
        b.put("inclusionPath", path);
        assertFailed(verifyEntry(b, checkpoint(13), key), "31 bytes");
        path.remove(0);
        b.put("inclusionPath", path);
        assertFailed(verifyEntry(b, checkpoint(13), key), "must have");
    }

    @Test
    void checkpointSignedByAnotherKeyFails() throws IOException {
        NoteSigner other = NoteSigner.generate(ORIGIN, new SecureRandom());
        assertFailed(verifyEntry(bundle(1, 13, true), checkpoint(13), other.verifier().encode()), "no signature by");
        String tampered = checkpoint(13).replaceFirst("\n13\n", "\n14\n");
        assertFailed(verifyEntry(bundle(1, 13, true), tampered, signer.verifier().encode()), "does not verify");
        assertFailed(verifyEntry(bundle(1, 13, true), checkpoint(13), "garbage+key"), "malformed verifier key");
    }

    @Test
    void malformedInputsFail() throws IOException {
        String key = signer.verifier().encode();
        Run r = run("verify-entry", "--bundle", write("b.json", "{\"leafIndex\":1,").toString(),
                "--checkpoint", write("c.note", checkpoint(13)).toString(), "--key", key);
        assertFailed(r, "invalid JSON");
        Map<String, Object> b = bundle(1, 13, true);
        b.put("entry", "AAAA");
        assertFailed(verifyEntry(b, checkpoint(13), key), "exactly one of");
        assertFailed(run("verify-entry", "--bundle", dir.resolve("missing.json").toString(),
                "--checkpoint", write("c2.note", checkpoint(13)).toString(), "--key", key), "no such file");
        assertFailed(verifyEntry(bundle(1, 13, true), "not a note\n", key), "malformed note");
    }

    @Test
    void verifiesConsistencyBetweenCheckpoints() throws IOException {
        String key = signer.verifier().encode();
        ConsistencyProof p = MerkleProofs.consistencyProof(store, 6, 13);
        Map<String, Object> proof = new LinkedHashMap<>();
        proof.put("firstSize", 6);
        proof.put("secondSize", 13);
        proof.put("consistencyPath", p.path().stream().map(Sha256Hash::toHex).toList());
        String proofFile = write("proof.json", JCS.write(proof)).toString();
        String old = write("old.note", checkpoint(6)).toString();
        String neu = write("new.note", checkpoint(13)).toString();
        Run ok = run("verify-consistency", "--old", old, "--new", neu, "--proof", proofFile, "--key", key);
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).startsWith("OK: ");
        assertFailed(run("verify-consistency", "--old", neu, "--new", old, "--proof", proofFile, "--key", key), "sizes");
        // A rewritten history: same size 13, different last entry, properly signed (a lying log).
        InMemoryHashStore forked = new InMemoryHashStore();
        for (int i = 0; i < 12; i++) {
            forked.appendEntries(List.of(JCS.toBytes(entries.get(i))));
        }
        forked.appendEntries(List.of("rewritten".getBytes()));
        String fork = write("fork.note", signer.sign(new Checkpoint(ORIGIN, 13, MerkleProofs.root(forked, 13)).toText())).toString();
        assertFailed(run("verify-consistency", "--old", old, "--new", fork, "--proof", proofFile, "--key", key), "root");
    }

    @Test
    void usageErrorsExitTwo() {
        for (String[] args : List.of(new String[] {}, new String[] {"frobnicate"}, new String[] {"verify-entry"},
                new String[] {"verify-entry", "--bundle"}, new String[] {"verify-entry", "--nope", "x"},
                new String[] {"verify-entry", "--bundle", "a", "--bundle", "b"}, new String[] {"verify-entry", "stray"})) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(VaregVerify.USAGE);
            assertThat(r.err()).startsWith("FAIL: usage: ");
            assertThat(r.err().lines()).hasSize(1);
        }
    }
}
