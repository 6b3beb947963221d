package kg.vareg.worker.sender;

import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fencing token of a wallet (table {@code log.sender_fence}). Each leader tick calls
 * {@link #acquire} right after it got the leader lease and so holds a fresh, larger epoch; a send is
 * recorded only in a transaction that locks the row and still finds its own epoch ({@link #check}).
 * A leader whose lease expired while it was busy therefore cannot record — and so cannot broadcast —
 * anything once a successor has started: exactly one nonce sequence per wallet.
 */
public class SenderFence {

    private final JdbcTemplate jdbc;
    private final long chainId;
    private final String wallet;

    public SenderFence(JdbcTemplate jdbc, long chainId, String wallet) {
        this.jdbc = jdbc;
        this.chainId = chainId;
        this.wallet = wallet.toLowerCase(Locale.ROOT);
    }

    /** Takes the next epoch for {@code holder} (an instance id); earlier holders become stale. */
    public FenceToken acquire(String holder) {
        Long epoch = jdbc.queryForObject("""
                INSERT INTO log.sender_fence (chain_id, wallet, epoch, holder) VALUES (?, ?, 1, ?)
                ON CONFLICT (chain_id, wallet) DO UPDATE
                   SET epoch = log.sender_fence.epoch + 1, holder = excluded.holder, acquired_at = now()
                RETURNING epoch""", Long.class, chainId, wallet, holder);
        return new FenceToken(chainId, wallet, epoch);
    }

    /** Inside the caller's transaction: locks the fence row and refuses a stale token. */
    public void check(FenceToken token) {
        Long current = jdbc.queryForObject(
                "SELECT epoch FROM log.sender_fence WHERE chain_id = ? AND wallet = ? FOR UPDATE", Long.class,
                chainId, wallet);
        if (current == null || current != token.epoch()) {
            throw new StaleLeaderException(token, current == null ? -1 : current);
        }
    }
}
