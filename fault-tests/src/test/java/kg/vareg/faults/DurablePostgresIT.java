package kg.vareg.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import kg.vareg.devstack.FreePort;
import kg.vareg.devstack.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 9: the persistent embedded PostgreSQL behind {@code ./start.sh} keeps every acknowledged commit. The
 * server is started as the dev stack starts it, 300 single-row transactions are committed (each acknowledged), and
 * then every process of the server is killed with SIGKILL at once (the postmaster and its backends, WAL writer
 * included: what a power cut leaves is what was flushed). Restarted on the same data folder, all 300 are there. With
 * zonky's embedded defaults (synchronous_commit off) the commits of the last fraction of a second sit in shared
 * memory and are lost to the kill.
 */
class DurablePostgresIT {

    @Test
    void acknowledgedCommitsSurviveSigkillOfTheWholeServer(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("postgres");
        LocalPostgres first = LocalPostgres.startPersistent(data, FreePort.find());
        assertThat(first.setting("fsync")).isEqualTo("on");
        assertThat(first.setting("synchronous_commit")).isEqualTo("on");
        assertThat(first.setting("full_page_writes")).isEqualTo("on");
        first.ensureDatabase("vareg");
        first.execute("vareg", "CREATE TABLE acknowledged (n INT PRIMARY KEY, payload TEXT NOT NULL)");
        int acknowledged = 0;
        try (Connection c = first.dataSource("vareg").getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO acknowledged VALUES (?, ?)")) {
            c.setAutoCommit(true); // one transaction per row, acknowledged when executeUpdate returns
            for (int n = 1; n <= 300; n++) {
                insert.setInt(1, n);
                insert.setString(2, "change " + n + " ".repeat(200));
                insert.executeUpdate();
                acknowledged = n;
            }
        }
        long postmaster = first.pid().orElseThrow(() -> new AssertionError("no postmaster pid"));
        ProcessHandle server = ProcessHandle.of(postmaster).orElseThrow();
        var backends = server.descendants().toList();
        server.destroyForcibly(); // SIGKILL: no shutdown checkpoint
        backends.forEach(ProcessHandle::destroyForcibly);
        server.onExit().get(30, TimeUnit.SECONDS);
        for (ProcessHandle b : backends) b.onExit().get(30, TimeUnit.SECONDS);
        assertThat(server.isAlive()).as("the postmaster is gone").isFalse();
        Files.deleteIfExists(data.resolve("postmaster.pid"));

        try (LocalPostgres second = LocalPostgres.startPersistent(data, FreePort.find());
             Connection c = second.dataSource("vareg").getConnection(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*), coalesce(max(n), 0) FROM acknowledged")) {
            rs.next();
            assertThat(rs.getInt(1)).as("rows after a SIGKILL of the server and a restart").isEqualTo(acknowledged);
            assertThat(rs.getInt(2)).isEqualTo(300);
        }
    }
}
