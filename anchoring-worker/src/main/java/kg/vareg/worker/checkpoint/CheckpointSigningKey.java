package kg.vareg.worker.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import kg.vareg.ledger.checkpoint.NoteKeys;
import kg.vareg.ledger.checkpoint.NoteSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads (or, on the dev stack, creates) the worker's Ed25519 checkpoint signing key. */
public final class CheckpointSigningKey {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSigningKey.class);

    private CheckpointSigningKey() {
    }

    public static NoteSigner load(CheckpointProperties p, SecureRandom random) {
        Path key = required(p.signingKeyPath(), "vareg.checkpoint.signing-key-path");
        Path passFile = required(p.signingKeyPassphraseFile(), "vareg.checkpoint.signing-key-passphrase-file");
        try {
            if (!Files.exists(key)) {
                if (!p.generateIfMissing()) {
                    throw new IllegalStateException("no checkpoint signing key at " + key
                            + " (set vareg.checkpoint.generate-if-missing=true on a dev stack to create one)");
                }
                generate(p.origin(), key, passFile, random);
            }
            char[] passphrase = readPassphrase(passFile);
            NoteSigner signer = NoteKeys.readEncryptedPem(Files.readString(key), p.origin(), passphrase);
            java.util.Arrays.fill(passphrase, '\0');
            log.info("checkpoint signing key loaded; verifier key {}", signer.verifier().encode());
            return signer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint signing key " + key, e);
        }
    }

    private static void generate(String origin, Path key, Path passFile, SecureRandom random) throws IOException {
        if (!Files.exists(passFile)) {
            byte[] raw = new byte[32];
            random.nextBytes(raw);
            writePrivate(passFile, Base64.getEncoder().encodeToString(raw) + "\n");
        }
        char[] passphrase = readPassphrase(passFile);
        NoteSigner signer = NoteSigner.generate(origin, random);
        writePrivate(key, NoteKeys.writeEncryptedPem(signer, passphrase, random));
        // The public half, for whoever publishes it (README, public site, verifier users).
        Files.writeString(key.resolveSibling(key.getFileName() + ".pub"), signer.verifier().encode() + "\n");
        log.warn("generated a NEW checkpoint signing key at {} (dev stack); verifier key {}", key,
                signer.verifier().encode());
    }

    private static char[] readPassphrase(Path passFile) throws IOException {
        String s = Files.readString(passFile, StandardCharsets.UTF_8).strip();
        if (s.isEmpty()) {
            throw new IllegalStateException("the passphrase file " + passFile + " is empty");
        }
        return s.toCharArray();
    }

    private static void writePrivate(Path target, String content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".tmp-", ".key");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.debug("no POSIX permissions on this file system: {}", tmp);
        }
        Files.writeString(tmp, content);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path required(Path p, String property) {
        if (p == null || p.toString().isBlank()) {
            throw new IllegalStateException(property + " is not set");
        }
        return p;
    }
}
