package kg.vareg.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** One empty database on the shared test PostgreSQL server, given to one test class. */
public record PostgresDatabase(String name, String jdbcUrl, String user, String password) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }
}
