package kg.vareg.ledger.checkpoint;

import static kg.vareg.ledger.LogVerificationException.Reason.BAD_SIGNATURE;
import static kg.vareg.ledger.LogVerificationException.Reason.MALFORMED_KEY;
import static kg.vareg.ledger.LogVerificationException.Reason.MALFORMED_NOTE;
import static kg.vareg.ledger.LogVerificationException.Reason.UNKNOWN_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import kg.vareg.ledger.LogVerificationException;
import kg.vareg.ledger.LogVerificationException.Reason;
import org.junit.jupiter.api.Test;

/**
 * c2sp.org/signed-note with Ed25519. Vectors from golang.org/x/mod sumdb/note/note_test.go
 * (BSD-3-Clause): PeterNeumann / EnochRoot keys, the signed quotation and the mangled keys.
 */
class SignedNoteTest {

    static final String PETER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String PETER_SIGNER = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String ENOCH_KEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_SIG = "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String ENOCH_SIG = "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    static Reason failure(NoteVerifier v, String note) {
        return failure(v, note.getBytes(StandardCharsets.UTF_8));
    }

    static Reason failure(NoteVerifier v, byte[] note) {
        LogVerificationException e = catchThrowableOfType(LogVerificationException.class, () -> v.open(note));
        assertThat(e).as("must reject note").isNotNull();
        return e.reason();
    }

    @Test
    void goSignerProducesThePublishedSignatureAndKeyId() throws LogVerificationException {
        NoteSigner signer = NoteSigner.fromSignerKey(PETER_SIGNER);
        assertThat(signer.verifier().encode()).isEqualTo(PETER_KEY);
        assertThat(signer.keyId()).isEqualTo(0xc74f20a3);
        assertThat(signer.sign(TEXT)).isEqualTo(TEXT + "\n" + PETER_SIG); // Ed25519 is deterministic
        assertThat(signer.toSignerKey()).isEqualTo(PETER_SIGNER);
        assertThat(NoteVerifier.parse(PETER_KEY).open(TEXT + "\n" + PETER_SIG)).isEqualTo(TEXT);
    }

    @Test
    void signaturesByUnknownKeysAreIgnored() throws LogVerificationException {
        NoteVerifier peter = NoteVerifier.parse(PETER_KEY);
        NoteVerifier enoch = NoteVerifier.parse(ENOCH_KEY);
        assertThat(peter.open(TEXT + "\n" + PETER_SIG + ENOCH_SIG)).isEqualTo(TEXT);
        assertThat(enoch.open(TEXT + "\n" + PETER_SIG + ENOCH_SIG)).isEqualTo(TEXT);
        // A corrupted signature by a key we do not know is none of our business.
        String badEnoch = ENOCH_SIG.substring(0, 60) + "ABCD" + ENOCH_SIG.substring(60);
        assertThat(peter.open(TEXT + "\n" + PETER_SIG + badEnoch)).isEqualTo(TEXT);
    }

    @Test
    void noteWithoutSignatureByTheTrustedKeyIsRejected() throws LogVerificationException {
        assertThat(failure(NoteVerifier.parse(ENOCH_KEY), TEXT + "\n" + PETER_SIG)).isEqualTo(UNKNOWN_KEY);
        // Same name, other id: another key, so still unknown (spec: name AND id identify the key).
        String otherId = PETER_SIG.replace("x08g", "xxxx");
        assertThat(failure(NoteVerifier.parse(PETER_KEY), TEXT + "\n" + otherId)).isEqualTo(UNKNOWN_KEY);
        String otherName = PETER_SIG.replace("PeterNeumann", "CarmenSandiego");
        assertThat(failure(NoteVerifier.parse(PETER_KEY), TEXT + "\n" + otherName)).isEqualTo(UNKNOWN_KEY);
    }

    @Test
    void badSignatureByTheTrustedKeyRejectsTheNote() throws LogVerificationException {
        NoteVerifier peter = NoteVerifier.parse(PETER_KEY);
        String corrupted = PETER_SIG.substring(0, 60) + "ABCD" + PETER_SIG.substring(60);
        assertThat(failure(peter, TEXT + "\n" + corrupted)).isEqualTo(BAD_SIGNATURE);
        // A good signature does not excuse a bad one by the same key.
        assertThat(failure(peter, TEXT + "\n" + PETER_SIG + corrupted)).isEqualTo(BAD_SIGNATURE);
        // Signature over different text.
        assertThat(failure(peter, TEXT.replace("answer", "Answer") + "\n" + PETER_SIG)).isEqualTo(BAD_SIGNATURE);
    }

    @Test
    void malformedNotesAreRejected() throws LogVerificationException {
        NoteVerifier peter = NoteVerifier.parse(PETER_KEY);
        // The Go test's bad messages.
        assertThat(failure(peter, TEXT)).isEqualTo(MALFORMED_NOTE);                                  // no blank line
        assertThat(failure(peter, TEXT + "\n")).isEqualTo(MALFORMED_NOTE);                           // no signatures
        assertThat(failure(peter, TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1))).isEqualTo(MALFORMED_NOTE);
        assertThat(failure(peter, "\u0001" + TEXT + "\n" + PETER_SIG)).isEqualTo(MALFORMED_NOTE);
        byte[] ff = ("?" + TEXT + "\n" + PETER_SIG).getBytes(StandardCharsets.UTF_8);
        ff[0] = (byte) 0xff;                                                                           // not UTF-8
        assertThat(failure(peter, ff)).isEqualTo(MALFORMED_NOTE);
        assertThat(failure(peter, TEXT + "\n\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"))
                .isEqualTo(MALFORMED_NOTE);
        assertThat(failure(peter, TEXT + "\n" + PETER_SIG + "Unexpected line.\n")).isEqualTo(MALFORMED_NOTE);
        // Ours.
        assertThat(failure(peter, (TEXT + "\n" + PETER_SIG).replace("\n", "\r\n"))).isEqualTo(MALFORMED_NOTE); // CRs
        assertThat(failure(peter, TEXT + "\n" + PETER_SIG.replace("x08go", "x08g!"))).isEqualTo(MALFORMED_NOTE); // bad base64
        assertThat(failure(peter, TEXT + "\n" + PETER_SIG.replace("— ", "- "))).isEqualTo(MALFORMED_NOTE);    // no em dash
        assertThat(failure(peter, TEXT + "\n\u2014 PeterNeumann AAAA\n")).isEqualTo(MALFORMED_NOTE);          // too short
        assertThat(failure(peter, TEXT + "\n\u2014 a+b " + PETER_SIG.substring(15))).isEqualTo(MALFORMED_NOTE); // '+' in name
        assertThat(failure(peter, TEXT + "\n" + PETER_SIG.repeat(101))).isEqualTo(MALFORMED_NOTE);           // too many
        assertThat(failure(peter, new byte[SignedNote.MAX_BYTES + 1])).isEqualTo(MALFORMED_NOTE);             // too big
    }

    @Test
    void upTo100SignaturesAreAccepted() throws LogVerificationException {
        assertThat(NoteVerifier.parse(PETER_KEY).open(TEXT + "\n" + PETER_SIG.repeat(100))).isEqualTo(TEXT);
    }

    @Test
    void verifierKeyParsingRejectsEveryMangling() {
        // Go TestNewVerifier: every proper substring and every single-byte increment is rejected.
        byte[] b = PETER_KEY.getBytes(StandardCharsets.US_ASCII);
        int rejected = 0;
        for (int i = 0; i <= b.length; i++) {
            for (int j = i + 1; j <= b.length; j++) {
                if (i != 0 || j != b.length) {
                    assertRejectedKey(new String(b, i, j - i, StandardCharsets.US_ASCII));
                    rejected++;
                }
            }
        }
        for (int i = 0; i < b.length; i++) {
            b[i]++;
            assertRejectedKey(new String(b, StandardCharsets.US_ASCII));
            b[i]--;
        }
        assertThat(rejected).isGreaterThan(2000);
        assertRejectedKey("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==");
        assertRejectedKey("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
    }

    private static void assertRejectedKey(String key) {
        LogVerificationException e = catchThrowableOfType(LogVerificationException.class, () -> NoteVerifier.parse(key));
        assertThat(e).as("must reject key %s", key).isNotNull();
        assertThat(e.reason()).isEqualTo(MALFORMED_KEY);
    }

    @Test
    void generatedKeysRoundTripThroughTheirTextForms() throws LogVerificationException {
        NoteSigner signer = NoteSigner.generate("vareg.kg/log", new SecureRandom());
        NoteVerifier parsed = NoteVerifier.parse(signer.verifier().encode());
        assertThat(parsed).isEqualTo(signer.verifier());
        assertThat(parsed.name()).isEqualTo("vareg.kg/log");
        assertThat(NoteSigner.fromSignerKey(signer.toSignerKey()).verifier()).isEqualTo(signer.verifier());
        assertThat(parsed.open(signer.sign("hello\n"))).isEqualTo("hello\n");
        assertThat(signer.toString()).doesNotContain(signer.toSignerKey().substring(30));
    }

    @Test
    void keysWhoseBase64ContainsAPlusParse() throws LogVerificationException {
        SecureRandom rnd = new SecureRandom();
        NoteSigner signer;
        do {
            signer = NoteSigner.generate("vareg.kg/log", rnd);
        } while (!signer.verifier().encode().substring("vareg.kg/log+00000000+".length()).contains("+")
                || !signer.toSignerKey().substring(30).contains("+"));
        assertThat(NoteVerifier.parse(signer.verifier().encode())).isEqualTo(signer.verifier());
        assertThat(NoteSigner.fromSignerKey(signer.toSignerKey()).verifier()).isEqualTo(signer.verifier());
    }

    @Test
    void signingReplacesAnOldSignatureByTheSameKeyAndKeepsOthers() throws LogVerificationException {
        NoteSigner peter = NoteSigner.fromSignerKey(PETER_SIGNER);
        SignedNote cosigned = SignedNote.parse(TEXT + "\n" + ENOCH_SIG + PETER_SIG);
        String note = peter.sign(TEXT, cosigned.signatures());
        assertThat(note).isEqualTo(TEXT + "\n" + ENOCH_SIG + PETER_SIG);
    }

    @Test
    void signerRefusesTextThatIsNotANoteText() {
        NoteSigner peter = NoteSigner.fromSignerKey(PETER_SIGNER);
        assertThatThrownBy(() -> peter.sign("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> peter.sign("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> peter.sign("a\r\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteSigner.generate("bad name", new SecureRandom())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteSigner.fromSignerKey(PETER_SIGNER.replace("c74f20a3", "c74f20a4")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encryptedPemRoundTripsAndNeedsThePassphrase() {
        NoteSigner signer = NoteSigner.generate("vareg.kg/log", new SecureRandom());
        char[] pass = "correct horse battery staple".toCharArray();
        String pem = NoteKeys.writeEncryptedPem(signer, pass, new SecureRandom(), 1000);
        assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        NoteSigner back = NoteKeys.readEncryptedPem(pem, "vareg.kg/log", pass);
        assertThat(back.verifier()).isEqualTo(signer.verifier());
        assertThat(back.sign("x\n")).isEqualTo(signer.sign("x\n"));
        assertThatThrownBy(() -> NoteKeys.readEncryptedPem(pem, "vareg.kg/log", "wrong".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteKeys.readEncryptedPem("not a pem", "vareg.kg/log", pass))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteKeys.readEncryptedPem(pem, "vareg.kg/log", new char[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(pem.split("\n"))).noneMatch(l -> l.contains(signer.toSignerKey().substring(30)));
    }
}
