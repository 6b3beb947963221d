package kg.vareg.worker.integration;

import java.util.Optional;
import kg.vareg.common.logstore.LogIntegrator;
import kg.vareg.ledger.checkpoint.Checkpoint;
import kg.vareg.ledger.checkpoint.NoteSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One integration batch = ONE database transaction: the journal rows' leaves, the complete subtrees
 * they finish and the newly signed checkpoint commit together, or (crash, error) nothing does and
 * the next run starts from the same place. No gap, no duplicate.
 */
public class JournalIntegration {

    private static final Logger log = LoggerFactory.getLogger(JournalIntegration.class);

    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final LogIntegrator integrator;
    private final NoteSigner signer;
    private final String origin;
    private final BatchHook hook;

    /** A seam for fault-injection tests: runs inside the batch transaction, after the writes. */
    @FunctionalInterface
    public interface BatchHook {
        BatchHook NONE = batch -> { };

        void beforeCommit(LogIntegrator.Batch batch);
    }

    public JournalIntegration(TransactionTemplate tx, JdbcTemplate jdbc, NoteSigner signer, String origin, BatchHook hook) {
        this.tx = tx;
        this.jdbc = jdbc;
        this.integrator = new LogIntegrator(jdbc);
        this.signer = signer;
        this.origin = origin;
        this.hook = hook;
    }

    /** Integrates one batch of at most {@code maxRows}; empty when nothing was eligible. */
    public Optional<LogIntegrator.Batch> integrateBatch(int maxRows) {
        return Optional.ofNullable(tx.execute(status -> {
            Optional<LogIntegrator.Batch> batch = integrator.integrate(maxRows);
            if (batch.isEmpty()) {
                return null;
            }
            LogIntegrator.Batch b = batch.get();
            String note = signer.sign(new Checkpoint(origin, b.newSize(), b.root()).toText());
            jdbc.update("INSERT INTO log.checkpoints (tree_size, root_hash, signed_note) VALUES (?, ?, ?)",
                    b.newSize(), b.root().toBytes(), note);
            hook.beforeCommit(b);
            return b;
        }));
    }

    /** Integrates batches until none is full (bounded, so one tick cannot run for ever). */
    public long drain(int maxRows, int maxBatches) {
        long total = 0;
        for (int i = 0; i < maxBatches; i++) {
            Optional<LogIntegrator.Batch> b = integrateBatch(maxRows);
            if (b.isEmpty()) {
                break;
            }
            int n = b.get().journalIds().size();
            total += n;
            log.debug("integrated {} journal rows at [{}, {})", n, b.get().firstIndex(), b.get().newSize());
            if (n < maxRows) {
                break;
            }
        }
        if (total > 0) {
            log.info("integrated {} journal rows into the log", total);
        }
        return total;
    }
}
