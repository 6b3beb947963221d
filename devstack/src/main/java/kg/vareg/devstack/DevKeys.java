package kg.vareg.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;

/**
 * Development keys, generated on the first start under data/keys and never committed: the anchoring
 * wallet as an encrypted web3j keystore with its passphrase in a file beside it (0600), and the
 * passphrase for the checkpoint signing key, which the worker generates in that folder.
 */
public record DevKeys(Path keystore, Path keystorePassphraseFile, Path signingKey, Path signingKeyPassphraseFile) {

    public static DevKeys ensure(Path keysDir) {
        try {
            Files.createDirectories(keysDir);
            Path keystorePass = secretFile(keysDir.resolve("anchoring-wallet.pass"));
            Path keystore = keysDir.resolve("anchoring-wallet.json");
            if (!Files.isRegularFile(keystore)) {
                String name = WalletUtils.generateLightNewWalletFile(Files.readString(keystorePass).trim(), keysDir.toFile());
                Files.move(keysDir.resolve(name), keystore);
                restrict(keystore);
            }
            Path signingPass = secretFile(keysDir.resolve("checkpoint-signing.pass"));
            return new DevKeys(keystore, keystorePass, keysDir.resolve("checkpoint-signing-ed25519.pem"), signingPass);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create development keys in " + keysDir + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the anchoring wallet: " + e.getMessage(), e);
        }
    }

    public Credentials anchoringWallet() {
        try {
            return WalletUtils.loadCredentials(Files.readString(keystorePassphraseFile).trim(), keystore.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the anchoring wallet " + keystore + ": " + e.getMessage(), e);
        }
    }

    private static Path secretFile(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            Files.writeString(file, HexFormat.of().formatHex(secret) + "\n");
            restrict(file);
        }
        return file;
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL applies.
        }
    }
}
