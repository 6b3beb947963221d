package kg.vareg.ledger.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sha256HashTest {

    private static final String EMPTY_HEX = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void emptyTreeRootIsSha256OfNothing() {
        assertThat(TreeHasher.emptyRoot().toHex()).isEqualTo(EMPTY_HEX);
    }

    @Test
    void leafHashMatchesGoSumdbTlogVector() {
        // golang.org/x/mod sumdb/tlog note_test.go: RecordHash("hello world") in the tree note.
        assertThat(TreeHasher.leafHash("hello world".getBytes(StandardCharsets.UTF_8)).toBase64())
                .isEqualTo("TszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=");
    }

    @Test
    void leafAndNodeHashesUseDomainSeparation() {
        // RFC 9162 §2.1.1 / CT vectors: leaf hash of the empty entry and the 2-leaf root.
        Sha256Hash l0 = TreeHasher.leafHash(new byte[0]);
        Sha256Hash l1 = TreeHasher.leafHash(new byte[] {0});
        assertThat(l0.toHex()).isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(TreeHasher.nodeHash(l0, l1).toHex())
                .isEqualTo("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertThat(TreeHasher.nodeHash(l1, l0)).isNotEqualTo(TreeHasher.nodeHash(l0, l1));
    }

    @Test
    void hexAndBase64RoundTrip() {
        Sha256Hash h = TreeHasher.leafHash("x".getBytes(StandardCharsets.UTF_8));
        assertThat(Sha256Hash.fromHex(h.toHex())).isEqualTo(h);
        assertThat(Sha256Hash.fromHex(h.toHex().toUpperCase())).isEqualTo(h);
        assertThat(Sha256Hash.fromBase64(h.toBase64())).isEqualTo(h);
        assertThat(Sha256Hash.of(h.toBytes())).isEqualTo(h).hasSameHashCodeAs(h);
        assertThat(h.toString()).isEqualTo(h.toHex());
    }

    @Test
    void rejectsWrongLengths() {
        assertThatThrownBy(() -> Sha256Hash.of(new byte[31])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 31");
        assertThatThrownBy(() -> Sha256Hash.of(new byte[33])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sha256Hash.fromHex(EMPTY_HEX.substring(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sha256Hash.fromHex(EMPTY_HEX + "00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sha256Hash.fromHex("zz" + EMPTY_HEX.substring(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sha256Hash.fromBase64("AAAA")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNonCanonicalBase64() {
        // 'E' instead of '0' before the padding sets a bit the decoder ignores.
        String canonical = TreeHasher.emptyRoot().toBase64();
        assertThat(canonical).endsWith("U=");
        String sloppy = canonical.substring(0, canonical.length() - 2) + "V=";
        assertThatThrownBy(() -> Sha256Hash.fromBase64(sloppy)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-canonical");
    }

    @Test
    void copiesDefensively() {
        byte[] raw = TreeHasher.emptyRoot().toBytes();
        Sha256Hash h = Sha256Hash.of(raw);
        raw[0] ^= 1;
        assertThat(h).isEqualTo(TreeHasher.emptyRoot());
        h.toBytes()[0] ^= 1;
        assertThat(h).isEqualTo(TreeHasher.emptyRoot());
    }
}
