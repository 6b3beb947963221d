package kg.vareg.worker.sender;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import kg.vareg.common.chain.ChainClient;
import kg.vareg.worker.anchoring.AnchoringProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;
import org.web3j.crypto.exception.CipherException;

/** Wires the one transaction sender of the worker, when a wallet is configured (off, logged, otherwise). */
@Configuration(proxyBeanMethods = false)
public class SenderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SenderConfiguration.class);

    /** Holder: empty when no wallet is configured. */
    public record Sender(Optional<TxSender> sender, String instanceId) {
    }

    @Bean
    SenderState senderState() {
        return new SenderState();
    }

    @Bean
    Sender transactionSender(AnchoringProperties anchoring, SenderProperties props, ChainClient chain, JdbcTemplate jdbc,
                             PlatformTransactionManager txm, SenderState state, Clock clock,
                             ObjectProvider<TxSender.BroadcastHook> hook) {
        String instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
        if (!anchoring.walletConfigured()) {
            return new Sender(Optional.empty(), instance);
        }
        Credentials wallet = loadWallet(anchoring);
        log.info("transaction sender: wallet {} on chain {}; bump after {} blocks by {} %, caps {} wei/tx, {} wei/day, "
                        + "finality {}", wallet.getAddress(), chain.properties().chainId(), props.bumpAfterBlocks(),
                props.feeBumpPercent(), props.maxFeePerTxWei(), props.maxFeePerDayWei(), props.finality());
        return new Sender(Optional.of(new TxSender(jdbc, new TransactionTemplate(txm), chain.web3j(), wallet,
                chain.properties().chainId(), props, anchoring.confirmations(), state, clock,
                hook.getIfAvailable(() -> TxSender.BroadcastHook.NONE))), instance);
    }

    static Credentials loadWallet(AnchoringProperties props) {
        if (props.keystorePassphraseFile() == null || props.keystorePassphraseFile().toString().isBlank()) {
            throw new IllegalStateException("vareg.anchoring.keystore-passphrase-file is not set");
        }
        try {
            String pass = Files.readString(props.keystorePassphraseFile()).strip();
            return WalletUtils.loadCredentials(pass, props.keystorePath().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the anchoring keystore " + props.keystorePath(), e);
        } catch (CipherException e) {
            throw new IllegalStateException("cannot decrypt the anchoring keystore (wrong passphrase?)", e);
        }
    }
}
