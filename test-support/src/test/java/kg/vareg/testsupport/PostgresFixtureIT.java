package kg.vareg.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

@WithPostgres
class PostgresFixtureIT {

    @Test
    void givesEachTestClassItsOwnRealPostgresDatabase(PostgresDatabase db) throws Exception {
        try (var c = db.connect(); var st = c.createStatement()) {
            var rs = st.executeQuery("SELECT current_database(), current_setting('server_version_num')::int");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(db.name());
            assertThat(rs.getInt(2)).isGreaterThanOrEqualTo(170000);
            st.execute("CREATE TABLE t (id bigint PRIMARY KEY)");
            st.execute("INSERT INTO t VALUES (1)");
        }
        assertThat(TestPostgres.freshDatabase("other").name()).isNotEqualTo(db.name());
    }
}
