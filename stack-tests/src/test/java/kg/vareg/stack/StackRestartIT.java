package kg.vareg.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kg.vareg.devstack.FreePort;
import kg.vareg.devstack.ProjectPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-command stack, for real: starts with health UP for database and chain, stops cleanly on
 * SIGTERM (as on Ctrl-C) leaving nothing listening, and starts again with its data and contracts kept.
 */
class StackRestartIT {
    private final Path root = ProjectPaths.root();
    private final int http = FreePort.find();
    private final int worker = FreePort.find();
    private final int chain = FreePort.find();
    private final int postgres = FreePort.find();

    @TempDir
    Path data;

    @Test
    void startsStopsAndRestartsKeepingItsData() throws Exception {
        Stack first = Stack.start(this);
        try {
            assertThat(first.output()).contains("Contracts deployed");
            assertHealthUp();
            try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres + "/vareg", "postgres", "postgres");
                 var st = c.createStatement()) {
                st.execute("INSERT INTO registry.journal (record_type, record_version, canonical_json) "
                        + "VALUES ('stack-test', 1, convert_to('{\"kept\":true}', 'UTF8'))");
            }
        } finally {
            first.stop();
        }
        for (int port : List.of(http, worker, chain, postgres)) {
            assertThat(FreePort.isFree(port)).as("port %d free after stop", port).isTrue();
        }

        Stack second = Stack.start(this);
        try {
            assertThat(second.output()).contains("Contracts reused");
            assertHealthUp();
            try (var c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres + "/vareg", "postgres", "postgres");
                 var st = c.createStatement()) {
                var rs = st.executeQuery("SELECT count(*) FROM registry.journal WHERE record_type = 'stack-test'");
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        } finally {
            second.stop();
        }
    }

    private void assertHealthUp() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + http + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body().replace(" ", ""))
                .contains("\"db\":{").contains("\"chain\":{")
                .doesNotContain("\"DOWN\"").startsWith("{").contains("\"status\":\"UP\"");
    }

    private record Stack(Process process, StringBuffer out, CompletableFuture<Void> pump) {
        static Stack start(StackRestartIT t) throws Exception {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dvareg.root=" + t.root, "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                    "-jar", t.root.resolve("devstack/target/vareg-devstack-0.1.0-SNAPSHOT-exec.jar").toString(),
                    "--data", t.data.toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("VAREG_HTTP_PORT", Integer.toString(t.http));
            pb.environment().put("VAREG_WORKER_PORT", Integer.toString(t.worker));
            pb.environment().put("VAREG_CHAIN_PORT", Integer.toString(t.chain));
            pb.environment().put("VAREG_POSTGRES_PORT", Integer.toString(t.postgres));
            Process p = pb.start();
            StringBuffer out = new StringBuffer();
            CompletableFuture<Void> up = new CompletableFuture<>();
            CompletableFuture<Void> pump = CompletableFuture.runAsync(() -> {
                try (var r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        out.append(line).append('\n');
                        if (line.contains("vareg is up")) {
                            up.complete(null);
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // the process ended
                }
                up.complete(null);
            });
            up.get(4, TimeUnit.MINUTES);
            assertThat(p.isAlive()).as("stack running; output:%n%s", out).isTrue();
            assertThat(out.toString()).contains("vareg is up");
            return new Stack(p, out, pump);
        }

        String output() {
            return out.toString();
        }

        void stop() throws Exception {
            process.destroy(); // SIGTERM: the same shutdown hooks as Ctrl-C
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stack stopped within a minute").isTrue();
            pump.get(10, TimeUnit.SECONDS);
        }
    }
}
