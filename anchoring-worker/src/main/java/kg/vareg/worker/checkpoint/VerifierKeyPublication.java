package kg.vareg.worker.checkpoint;

import kg.vareg.common.logstore.VerifierKeys;
import kg.vareg.ledger.checkpoint.NoteSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Records the worker's public verifier key in {@code log.verifier_keys} when the worker starts (after Flyway, which
 * runs before any JdbcTemplate user), so the backend can publish it at {@code /api/v1/public/log/verifier-keys} and
 * browsers can check checkpoint signatures. The private key never leaves the worker.
 */
public final class VerifierKeyPublication implements InitializingBean {
    private static final Logger log = LoggerFactory.getLogger(VerifierKeyPublication.class);

    private final VerifierKeys keys;
    private final NoteSigner signer;

    public VerifierKeyPublication(VerifierKeys keys, NoteSigner signer) {
        this.keys = keys;
        this.signer = signer;
    }

    @Override
    public void afterPropertiesSet() {
        keys.record(signer.verifier());
        log.info("verifier key {} recorded in log.verifier_keys", signer.verifier().encode());
    }
}
