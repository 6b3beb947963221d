package kg.vareg.worker.checkpoint;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.constraints.NotBlank;

/**
 * The checkpoint signer: the log origin (also the signed-note key name) and the Ed25519 key, kept
 * as an encrypted PKCS#8 PEM whose passphrase lives in a separate file (never in configuration).
 *
 * @param generateIfMissing dev stack only: create key and passphrase file on first start
 */
@Validated
@ConfigurationProperties("vareg.checkpoint")
public record CheckpointProperties(@NotBlank String origin, Path signingKeyPath, Path signingKeyPassphraseFile,
                                   boolean generateIfMissing) {
}
