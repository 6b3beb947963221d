package kg.vareg.backend.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises "the database cannot be reached" (stopped, restarting, failing over, pool timed out) anywhere in a
 * cause chain, wherever it surfaces: in a controller, in a filter (idempotency keys), in the login lookup. Such a
 * request answers 503 + Retry-After (docs/faults.md F1), never a 500 or a 401.
 */
public final class DatabaseOutage {
    static final String TYPE = "database-unavailable";
    static final String TITLE = "Register temporarily unavailable";
    static final String DETAIL = "the register's database cannot be reached; retry shortly with the same Idempotency-Key";
    static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseOutage() {}

    public static boolean isCause(Throwable e) {
        return isCause(e, 0);
    }

    private static boolean isCause(Throwable e, int depth) {
        for (Throwable t = e; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            // A failed rollback hides the original failure as a suppressed exception.
            for (Throwable s : t.getSuppressed()) {
                if (isCause(s, depth + 1)) {
                    return true;
                }
            }
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            // HikariCP's proxy of a connection it has evicted (broken by the outage) says so without a SQLState.
            if (t instanceof SQLException s && s.getSQLState() == null && "Connection is closed".equals(s.getMessage())) {
                return true;
            }
            // 08xxx: connection exceptions; 57P01-57P03: admin/crash shutdown, cannot connect now (PostgreSQL).
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    /** The 503 problem, for code that runs before Spring MVC (filters, authentication entry points). */
    public static void write(HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"" + ProblemHandler.TYPE_BASE + TYPE + "\",\"title\":\"" + TITLE
                + "\",\"status\":503,\"detail\":\"" + DETAIL + "\"}");
    }
}
