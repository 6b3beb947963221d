package kg.vareg.ledger.checkpoint;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * The worker's signing key at rest: PKCS#8 {@code ENCRYPTED PRIVATE KEY} PEM (PBES2: PBKDF2 with
 * HMAC-SHA256, AES-256-CBC), readable by {@code openssl pkey}. The key name is not part of the
 * file; it is configuration (it should equal the log origin).
 */
public final class NoteKeys {

    /** PBKDF2 iterations: OWASP's 2023 figure for PBKDF2-HMAC-SHA256 is 600 000. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final String PEM_TYPE = "ENCRYPTED PRIVATE KEY";
    // Used as an explicit provider instance; never registered globally (no side effects on the JVM).
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private NoteKeys() {
    }

    /** Encrypts the signer's private key with {@code passphrase}. */
    public static String writeEncryptedPem(NoteSigner signer, char[] passphrase, SecureRandom random) {
        return writeEncryptedPem(signer, passphrase, random, DEFAULT_ITERATIONS);
    }

    public static String writeEncryptedPem(NoteSigner signer, char[] passphrase, SecureRandom random, int iterations) {
        Objects.requireNonNull(signer, "signer");
        checkPassphrase(passphrase);
        try {
            PrivateKeyInfo info = PrivateKeyInfoFactory.createPrivateKeyInfo(signer.key());
            var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setProvider(BC)
                    .setPRF(PKCS8Generator.PRF_HMACSHA256)
                    .setIterationCount(iterations)
                    .setRandom(Objects.requireNonNull(random, "random"))
                    .setPassword(passphrase)
                    .build();
            PKCS8EncryptedPrivateKeyInfo encrypted = new PKCS8EncryptedPrivateKeyInfoBuilder(info).build(encryptor);
            StringWriter out = new StringWriter();
            try (PemWriter pem = new PemWriter(out)) {
                pem.writeObject(new PemObject(PEM_TYPE, encrypted.getEncoded()));
            }
            return out.toString();
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot encrypt the signing key", e);
        }
    }

    /**
     * Decrypts a key written by {@link #writeEncryptedPem}. A wrong passphrase, a file that is not
     * an encrypted PKCS#8 PEM or a key that is not Ed25519 is an {@link IllegalArgumentException}
     * whose message never contains key material.
     */
    public static NoteSigner readEncryptedPem(String pem, String keyName, char[] passphrase) {
        Objects.requireNonNull(pem, "pem");
        checkPassphrase(passphrase);
        PemObject obj;
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            obj = reader.readPemObject();
        } catch (IOException e) {
            throw new IllegalArgumentException("not a PEM file", e);
        }
        if (obj == null || !PEM_TYPE.equals(obj.getType())) {
            throw new IllegalArgumentException("expected a PEM block of type " + PEM_TYPE);
        }
        try {
            PKCS8EncryptedPrivateKeyInfo encrypted = new PKCS8EncryptedPrivateKeyInfo(obj.getContent());
            PrivateKeyInfo info = encrypted.decryptPrivateKeyInfo(
                    new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(passphrase));
            AsymmetricKeyParameter key = PrivateKeyFactory.createKey(info);
            if (!(key instanceof Ed25519PrivateKeyParameters ed)) {
                throw new IllegalArgumentException("the key is not an Ed25519 key");
            }
            return NoteSigner.of(keyName, ed);
        } catch (PKCSException e) {
            throw new IllegalArgumentException("cannot decrypt the key (wrong passphrase?)", e);
        } catch (IOException | OperatorCreationException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null
                    && iae.getMessage().startsWith("the key is not")) {
                throw iae;
            }
            throw new IllegalArgumentException("malformed encrypted private key", e);
        }
    }

    private static void checkPassphrase(char[] passphrase) {
        if (passphrase == null || passphrase.length == 0) {
            throw new IllegalArgumentException("a non-empty passphrase is required");
        }
    }
}
