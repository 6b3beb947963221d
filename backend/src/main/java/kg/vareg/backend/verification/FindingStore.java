package kg.vareg.backend.verification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Opens, updates and closes findings so that the open ones are exactly the conditions that hold, and
 * records an alert (in-app + webhook outbox) for every finding that opens or closes — in the same
 * transaction, so an alert is never lost nor sent for a change that rolled back.
 */
final class FindingStore {
    private static final String COLUMNS = """
            id, chain_id, token_address, registration_number, kind, subject, severity, paragraph, status, block_number,
            tx_hash, detail, opened_at, updated_at, closed_at""";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final boolean webhookConfigured;

    FindingStore(JdbcClient jdbc, TransactionTemplate tx, ObjectMapper json, boolean webhookConfigured) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.webhookConfigured = webhookConfigured;
    }

    /** @return the findings that opened or closed */
    List<Finding> reconcile(long chainId, String tokenAddress, String registrationNumber, List<FindingCondition> holding,
                            Instant now) {
        return tx.execute(status -> {
            List<Finding> open = open(chainId, tokenAddress);
            List<Finding> changed = new ArrayList<>();
            Map<String, FindingCondition> byKey = new LinkedHashMap<>();
            holding.forEach(c -> byKey.putIfAbsent(c.kind() + "|" + c.subject(), c));
            for (Finding f : open) {
                FindingCondition c = byKey.remove(f.kind() + "|" + f.subject());
                if (c == null) {
                    jdbc.sql("UPDATE registry.verifier_finding SET status = 'CLOSED', closed_at = ?, updated_at = ? WHERE id = ?")
                            .params(Timestamp.from(now), Timestamp.from(now), f.id()).update();
                    Finding closed = byId(f.id());
                    alert(closed, "CLOSED", now);
                    changed.add(closed);
                } else {
                    jdbc.sql("UPDATE registry.verifier_finding SET block_number = ?, tx_hash = ?, detail = ?, updated_at = ? WHERE id = ?")
                            .params(c.block(), c.txHash(), c.detail(), Timestamp.from(now), f.id()).update();
                }
            }
            for (FindingCondition c : byKey.values()) {
                long id = jdbc.sql("""
                        INSERT INTO registry.verifier_finding (chain_id, token_address, registration_number, kind, subject, severity,
                               paragraph, status, block_number, tx_hash, detail, opened_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?) RETURNING id""")
                        .params(chainId, tokenAddress, registrationNumber, c.kind().name(), c.subject(),
                                c.kind().severity().name(), c.kind().paragraph(), c.block(), c.txHash(), c.detail(),
                                Timestamp.from(now), Timestamp.from(now))
                        .query(Long.class).single();
                Finding opened = byId(id);
                alert(opened, "OPENED", now);
                changed.add(opened);
            }
            return changed;
        });
    }

    private void alert(Finding f, String transition, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "vareg.verifier.finding." + transition.toLowerCase(java.util.Locale.ROOT));
        body.put("findingId", f.id());
        body.put("kind", f.kind().name());
        body.put("title", f.kind().title());
        body.put("severity", f.severity().name());
        body.put("paragraph", f.paragraph());
        body.put("chainId", f.chainId());
        body.put("tokenAddress", f.tokenAddress().isEmpty() ? null : f.tokenAddress());
        body.put("registrationNumber", f.registrationNumber());
        body.put("block", f.block());
        body.put("txHash", f.txHash());
        body.put("detail", f.detail());
        body.put("at", now.toString());
        jdbc.sql("""
                INSERT INTO registry.verifier_alert (finding_id, transition, payload, created_at, webhook_state, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(f.id(), transition, json.writeValueAsString(body), Timestamp.from(now),
                        webhookConfigured ? "PENDING" : "NONE", webhookConfigured ? Timestamp.from(now) : null)
                .update();
    }

    List<Finding> open(long chainId, String tokenAddress) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registry.verifier_finding WHERE chain_id = ? AND token_address = ? AND status = 'OPEN' ORDER BY id")
                .params(chainId, tokenAddress).query(FindingStore::finding).list();
    }

    List<Finding> all(long chainId, String tokenAddress) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registry.verifier_finding WHERE chain_id = ? AND token_address = ? ORDER BY id")
                .params(chainId, tokenAddress).query(FindingStore::finding).list();
    }

    Finding byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registry.verifier_finding WHERE id = ?").params(id).query(FindingStore::finding).single();
    }

    static Finding finding(ResultSet rs, int row) throws SQLException {
        Timestamp closed = rs.getTimestamp(15);
        return new Finding(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), FindingKind.valueOf(rs.getString(5)),
                rs.getString(6), Severity.valueOf(rs.getString(7)), rs.getString(8), "OPEN".equals(rs.getString(9)),
                (Long) rs.getObject(10), rs.getString(11), rs.getString(12), rs.getTimestamp(13).toInstant(),
                rs.getTimestamp(14).toInstant(), closed == null ? null : closed.toInstant());
    }
}
