package kg.vareg.backend.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import kg.vareg.backend.api.DatabaseOutage;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;

/**
 * Which failures count as "the database cannot be reached" (503) — the shapes seen in fault-tests' DatabaseOutageIT —
 * and which stay ordinary errors (a broken query is a bug, not an outage: 500, logged).
 */
class DatabaseOutageTest {

    @Test
    void outagesAreRecognisedHoweverWrapped() {
        // The login lookup during an outage (was answered 401).
        assertThat(DatabaseOutage.isCause(new InternalAuthenticationServiceException("lookup failed",
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", new SQLException("timeout", "08001")))))
                .isTrue();
        // PostgreSQL going down under an open connection: 08006, or 57P01 "terminating connection due to administrator command".
        assertThat(DatabaseOutage.isCause(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("terminating connection", "57P01"))).isTrue();
        // A failed rollback whose original failure is suppressed, over HikariCP's evicted-connection proxy.
        RuntimeException rollback = new JpaSystemException(new RuntimeException("Unable to rollback against JDBC Connection",
                new SQLException("Connection is closed")));
        assertThat(DatabaseOutage.isCause(rollback)).isTrue();
        RuntimeException hidden = new IllegalStateException("rollback failed");
        hidden.addSuppressed(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertThat(DatabaseOutage.isCause(hidden)).isTrue();
        assertThat(DatabaseOutage.isCause(new java.net.ConnectException("Connection refused"))).isTrue();
    }

    @Test
    void ordinaryErrorsAreNotOutages() {
        assertThat(DatabaseOutage.isCause(new SQLException("relation \"registry.x\" does not exist", "42P01"))).isFalse();
        assertThat(DatabaseOutage.isCause(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseOutage.isCause(new SQLException("no state"))).isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalArgumentException("bad"))).isFalse();
        // A cause cycle ends.
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(DatabaseOutage.isCause(a)).isFalse();
    }
}
