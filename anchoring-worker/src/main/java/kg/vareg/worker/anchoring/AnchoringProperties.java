package kg.vareg.worker.anchoring;

import java.nio.file.Path;
import java.time.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When and how the worker integrates and anchors.
 *
 * @param batchSize             anchor as soon as this many entries wait (N)
 * @param maxDelay              ... or when the oldest waiting entry is this old (T)
 * @param confirmations         blocks on top of (and including) the anchor's block before it counts (K)
 * @param integrationBatchSize  journal rows per integration transaction
 * @param pollInterval          delay between two worker ticks
 * @param schedulingEnabled     false in tests that drive {@code WorkerLoop.runOnce()} themselves
 * @param keystorePath          web3j (Ethereum JSON) keystore of the anchoring wallet; empty: no anchoring
 * @param keystorePassphraseFile file holding the keystore's passphrase
 * @param backlogAlarmAge       health DOWN when an entry waits longer than this for its anchor
 * @param lockAtMostFor         leader lock lease (ShedLock); a dead leader is replaced after this
 */
@Validated
@ConfigurationProperties("vareg.anchoring")
public record AnchoringProperties(
        @DefaultValue("100") @Min(1) int batchSize,
        @DefaultValue("PT60S") @NotNull Duration maxDelay,
        @DefaultValue("3") @Min(1) int confirmations,
        @DefaultValue("1000") @Min(1) int integrationBatchSize,
        @DefaultValue("PT2S") @NotNull Duration pollInterval,
        @DefaultValue("true") boolean schedulingEnabled,
        Path keystorePath,
        Path keystorePassphraseFile,
        @DefaultValue("PT10M") @NotNull Duration backlogAlarmAge,
        @DefaultValue("PT2M") @NotNull Duration lockAtMostFor) {

    public boolean walletConfigured() {
        return keystorePath != null && !keystorePath.toString().isBlank();
    }
}
