package kg.vareg.backend.support;

import java.sql.PreparedStatement;
import java.sql.Statement;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An attacker (or a broken tool) with the database superuser's powers rewrites what is append-only: the journal and
 * the log refuse UPDATE and DELETE by trigger (issue 15 item 10), which only a superuser can switch off for a session
 * ({@code session_replication_role = replica}). Tests that prove tampering is DETECTED use this, on one connection.
 */
public final class Tamper {
    private Tamper() {}

    public static int asSuperuser(JdbcTemplate jdbc, String sql, Object... args) {
        return jdbc.execute((ConnectionCallback<Integer>) c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SET session_replication_role = replica");
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                return ps.executeUpdate();
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("RESET session_replication_role");
                }
            }
        });
    }
}
