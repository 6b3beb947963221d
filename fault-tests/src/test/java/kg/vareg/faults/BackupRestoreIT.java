package kg.vareg.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Backup and restore (issue 8 item 6, docs/faults.md F4) on a Debian PostgreSQL 15 server with its own pg_dump and
 * pg_restore: register changes are integrated and anchored by the real worker; {@code pg_dump -Fc}; the database is
 * lost and restored from the dump (restored into a new database, which then takes the old one's name). The restored
 * register serves the same entries and proofs, its tables equal the dumped ones, {@code vareg-verify audit} says the
 * whole log verifies against the chain again, and the register keeps working on it (ids continue, the worker anchors).
 * Then a second loss: a change committed and anchored AFTER the backup is gone from the restored database, and the
 * audit names it — the chain remembers what a restore forgot.
 */
class BackupRestoreIT {
    /** Tables whose content must survive the restore unchanged (the register's and the log's). */
    static final List<String> TABLES = List.of("registry.journal ORDER BY id", "registry.issuer ORDER BY id",
            "registry.emission ORDER BY id", "registry.app_user ORDER BY username", "log.leaves ORDER BY leaf_index",
            "log.nodes ORDER BY level, node_index", "log.checkpoints ORDER BY tree_size", "log.anchors ORDER BY id");

    @Test
    void restoredFromPgDumpTheLogVerifiesAgainstTheChainAndALostChangeIsNamed() throws Exception {
        assumeTrue(DebianPostgres15.available(), "Debian PostgreSQL 15 (" + DebianPostgres15.BIN + ") is not installed: "
                + "apt-get install postgresql-15 (.ci/run does); the embedded PostgreSQL 17 has no pg_dump");
        SharedStack shared = SharedStack.get();
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "backup-");
        try (DebianPostgres15 pg = DebianPostgres15.start()) {
            pg.db("postgres").execute("CREATE DATABASE vareg");
            try (Stack s = Stack.start(dir, pg.db("vareg"), shared.chain, shared.chain.account(6), List.of())) {
                // Register changes: issuers, an issuer's drafts and an amendment.
                List<UUID> issuers = new ArrayList<>();
                for (int i = 1; i <= 8; i++) {
                    var a = s.api.send(s.registrar, "POST", Register.ISSUERS, Register.issuer("Backup Issuer " + i + " LLC",
                            Register.code('B', i)), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                    assertThat(a.status()).as(a.body()).isEqualTo(201);
                    issuers.add(UUID.fromString(a.json().path("id").asString()));
                }
                Api.Account issuer = new Api.Account("backup-issuer", "backup-issuer-password");
                Stack.addUser(s.db, issuer, "ISSUER", issuers.getFirst());
                for (int i = 0; i < 3; i++) {
                    var d = s.api.send(issuer, "POST", Register.EMISSIONS, Register.application(issuers.getFirst()), Map.of());
                    assertThat(d.status()).as(d.body()).isEqualTo(201);
                }
                long n = s.journalRows();
                awaitAnchored(s, n);

                Map<String, String> tablesBefore = digests(s.db);
                List<String> entriesBefore = entries(s, n);
                String checkpointBefore = s.api.get(null, "/api/v1/public/log/checkpoints/latest").body();
                Path dump = dir.resolve("vareg.dump");
                pg.dump("vareg", dump);

                // Loss 1: the database is gone; restore the dump into a new database, which takes over the name.
                restore(pg, dump);
                awaitServing(s, n);
                assertThat(digests(s.db)).as("tables after the restore").isEqualTo(tablesBefore);
                assertThat(entries(s, n)).as("entries and proofs served after the restore").isEqualTo(entriesBefore);
                assertThat(s.api.get(null, "/api/v1/public/log/checkpoints/latest").body()).isEqualTo(checkpointBefore);
                Cli.Result audit = s.audit();
                assertThat(audit.line()).as(audit.err()).startsWith("0|OK: all " + n + " entries");

                // The restored register works on: sequences continue (no id reused), the worker integrates and anchors.
                long maxIdBefore = s.db.number("SELECT max(id) FROM registry.journal");
                var after = s.api.send(s.registrar, "POST", Register.ISSUERS, Register.issuer("After Backup LLC",
                        Register.code('B', 99)), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
                assertThat(after.status()).as(after.body()).isEqualTo(201);
                assertThat(s.db.number("SELECT max(id) FROM registry.journal")).isGreaterThan(maxIdBefore);
                awaitAnchored(s, n + 1);
                Cli.Result auditAfterChange = s.audit();
                assertThat(auditAfterChange.line()).startsWith("0|OK: all " + (n + 1) + " entries");

                // Loss 2: restored from the same (now older) backup, the change made after it is gone — and named.
                restore(pg, dump);
                awaitServing(s, n);
                assertThat(s.db.number("SELECT count(*) FROM registry.issuer WHERE full_name = 'After Backup LLC'")).isZero();
                Cli.Result lost = s.audit();
                assertThat(lost.exitCode()).as(lost.out()).isEqualTo(1);
                assertThat(lost.err()).startsWith("FAIL:").contains("entries/" + n);
                assertThat(s.anchoredSize()).isEqualTo(n + 1);
                // The worker refuses to go on from a database behind the chain (it never anchors a shorter log).
                Api worker = new Api(s.worker.url(""));
                assertThat(Pause.until(Duration.ofSeconds(30),
                        () -> worker.get(null, "/actuator/health").body().contains("\"DOWN\""))).as("worker alarm").isTrue();

                new Figures("F4 backup and restore (PostgreSQL 15)").put("journal rows backed up", n)
                        .put("dump bytes", Files.size(dump)).put("tables compared", TABLES.size())
                        .put("entries compared", entriesBefore.size()).put("audit after restore", audit.line())
                        .put("audit after a post-backup change", auditAfterChange.line())
                        .put("audit after restoring the older backup", lost.exitCode() + "|" + lost.err().strip())
                        .put("records lost without detection", 0).print();
            }
        }
    }

    /** Restores into a new database, then swaps it in (the applications reconnect; no request runs meanwhile). */
    private static void restore(DebianPostgres15 pg, Path dump) throws Exception {
        Db admin = pg.db("postgres");
        admin.execute("DROP DATABASE IF EXISTS vareg_restore");
        admin.execute("CREATE DATABASE vareg_restore");
        pg.restore(dump, "vareg_restore");
        admin.execute("DROP DATABASE vareg WITH (FORCE)");
        admin.execute("ALTER DATABASE vareg_restore RENAME TO vareg");
    }

    private static void awaitAnchored(Stack s, long size) {
        assertThat(Pause.until(Duration.ofSeconds(60), () -> s.leaves() == size && s.anchoredSize() == size
                && s.db.number("SELECT count(*) FROM log.anchors WHERE status = 'CONFIRMED' AND tree_size = ?", size) == 1))
                .as("anchored %d (leaves %d, on chain %d)", size, s.leaves(), s.anchoredSize()).isTrue();
    }

    private static void awaitServing(Stack s, long size) {
        assertThat(Pause.until(Duration.ofSeconds(30), () -> s.api.get(null, "/actuator/health").status() == 200
                && s.api.get(null, "/api/v1/public/log/entries/" + (size - 1)).status() == 200)).as("serving again").isTrue();
    }

    private static List<String> entries(Stack s, long n) {
        List<String> out = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            Api.Answer a = s.api.get(null, "/api/v1/public/log/entries/" + i);
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            out.add(a.body());
        }
        return out;
    }

    private static Map<String, String> digests(Db db) {
        Map<String, String> d = new LinkedHashMap<>();
        for (String t : TABLES) {
            String table = t.substring(0, t.indexOf(' '));
            d.put(table, db.query("SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, '|' " + t.substring(t.indexOf(' '))
                    .replace("ORDER BY ", "ORDER BY x.") .replace(", ", ", x.") + ")), '-') FROM " + table + " x")
                    .getFirst().getFirst().toString());
        }
        return d;
    }
}
