package kg.vareg.backend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kg.vareg.ledger.LogVerificationException;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.json.CanonicalJson;
import kg.vareg.ledger.json.JsonException;
import kg.vareg.ledger.merkle.ConsistencyProof;
import kg.vareg.ledger.merkle.InclusionProof;
import kg.vareg.ledger.verify.MerkleVerifier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Hostile input to the canonicalizer and the proof verifier (what the ledger's own property tests do not cover):
 * random and mutated JSON, deep nesting, lone surrogates and other strange Unicode, numbers beyond the limits,
 * random bytes; random and mutated proofs with sizes and indices at the limits of a long. Each either succeeds
 * or fails with the component's own exception — never a StackOverflowError, an NPE, an index error — and a
 * verifier never ACCEPTS a proof it was not given by the tree.
 */
class LedgerFuzzTest {
    private final CanonicalJson canonical = CanonicalJson.standard();

    @Provide
    Arbitrary<String> hostileJson() {
        Arbitrary<String> fragments = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "\\udc00",
                "\\u0000", "1e400", "-0", "1E-400", "123456789012345678901234567890", "NaN", "Infinity", "true", "nul",
                "\"a\":", "\"\u202e\"", "\"\u200b\"", "\"\uFEFF\"", "\"\uD83D\uDE00\"", " ", "\n", "0x1F", "01", ".5", "1.", "\"k\":1,\"k\":2");
        Arbitrary<String> concatenated = fragments.list().ofMaxSize(40).map(l -> String.join("", l));
        Arbitrary<String> deep = Arbitraries.integers().between(100, 100_000)
                .map(n -> "[".repeat(n) + "1" + "]".repeat(n));
        Arbitrary<String> deepObject = Arbitraries.integers().between(100, 20_000)
                .map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n));
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(50).map(s -> "{\"s\":\"" + s + "\"}");
        Arbitrary<String> numbers = Arbitraries.oneOf(Arbitraries.bigIntegers().between(
                        java.math.BigInteger.TEN.pow(30).negate(), java.math.BigInteger.TEN.pow(30)).map(Object::toString),
                Arbitraries.of("1e308", "1e309", "-1e309", "4.9e-324", "2e-324", "9007199254740993", "-9007199254740993", "1.0000000000000001"))
                .map(n -> "{\"n\":" + n + "}");
        return Arbitraries.oneOf(concatenated, deep, deepObject, unicode, numbers, Arbitraries.strings().ofMaxLength(200));
    }

    @Property(tries = 2000)
    void theCanonicalizerAcceptsOrRefusesCleanly(@ForAll("hostileJson") String json) {
        try {
            String once = canonical.canonicalize(json);
            // Whatever it accepts is a fixed point: canonical of canonical is itself.
            assertThat(canonical.canonicalize(once)).isEqualTo(once);
        } catch (JsonException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 1000)
    void randomBytesAreRefusedAsJsonOrUtf8Cleanly(@ForAll byte[] bytes) {
        try {
            canonical.canonicalize(bytes);
        } catch (IllegalArgumentException refused) { // JsonException, or malformed UTF-8
            assertThat(refused.getMessage()).isNotNull();
        }
    }

    private static Arbitrary<Sha256Hash> hashes() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32).map(Sha256Hash::of);
    }

    private static Arbitrary<Long> sizes() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-3, 70), Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE,
                Long.MAX_VALUE - 1, 1L << 62, (1L << 62) + 1, Integer.MAX_VALUE + 1L));
    }

    @Provide
    Arbitrary<InclusionProof> inclusionProofs() {
        return Combinators.combine(sizes(), sizes(), hashes().list().ofMaxSize(70)).as(InclusionProof::new);
    }

    @Provide
    Arbitrary<ConsistencyProof> consistencyProofs() {
        return Combinators.combine(sizes(), sizes(), hashes().list().ofMaxSize(70)).as(ConsistencyProof::new);
    }

    @Property(tries = 3000)
    void aRandomInclusionProofIsNeverAccepted(@ForAll("inclusionProofs") InclusionProof proof) {
        Sha256Hash leaf = Sha256Hash.digest("leaf".getBytes(StandardCharsets.UTF_8));
        Sha256Hash root = Sha256Hash.digest("root".getBytes(StandardCharsets.UTF_8));
        try {
            MerkleVerifier.verifyInclusion(proof, leaf, root);
            throw new AssertionError("accepted a random proof " + proof);
        } catch (LogVerificationException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 3000)
    void aRandomConsistencyProofIsNeverAccepted(@ForAll("consistencyProofs") ConsistencyProof proof) {
        Sha256Hash first = Sha256Hash.digest("first".getBytes(StandardCharsets.UTF_8));
        Sha256Hash second = Sha256Hash.digest("second".getBytes(StandardCharsets.UTF_8));
        try {
            MerkleVerifier.verifyConsistency(proof, first, second);
            // Only the trivial proof between equal sizes with equal roots can pass; the roots here differ.
            throw new AssertionError("accepted a random consistency proof " + proof);
        } catch (LogVerificationException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 500)
    void aTrueProofWithOneFlippedBitIsRefused(@ForAll @IntRange(min = 2, max = 64) int size, @ForAll @IntRange(min = 0, max = 63) int rawIndex,
            @ForAll @IntRange(min = 0, max = 255) int bit) throws LogVerificationException {
        int index = rawIndex % size;
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < size; i++) leaves.add(("entry " + i).getBytes(StandardCharsets.UTF_8));
        var tree = new kg.vareg.ledger.merkle.InMemoryHashStore();
        Sha256Hash root = tree.appendEntries(leaves);
        Sha256Hash leaf = kg.vareg.ledger.hash.TreeHasher.leafHash(leaves.get(index));
        InclusionProof proof = kg.vareg.ledger.merkle.MerkleProofs.inclusionProof(tree, index, size);
        MerkleVerifier.verifyInclusion(proof, leaf, root);
        List<Sha256Hash> path = new ArrayList<>(proof.path());
        int which = bit % path.size();
        byte[] b = path.get(which).toBytes();
        b[(bit / 8) % 32] ^= (byte) (1 << (bit % 8));
        path.set(which, Sha256Hash.of(b));
        try {
            MerkleVerifier.verifyInclusion(new InclusionProof(proof.index(), proof.treeSize(), path), leaf, root);
            throw new AssertionError("accepted a proof with a flipped bit");
        } catch (LogVerificationException refused) {
            assertThat(refused.getMessage()).contains("root");
        }
    }
}
