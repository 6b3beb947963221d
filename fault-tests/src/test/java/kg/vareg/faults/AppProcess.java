package kg.vareg.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kg.vareg.devstack.OrphanGuard;
import kg.vareg.devstack.ProjectPaths;

/**
 * A vareg Spring Boot jar (backend or anchoring worker) run as a real child process, as in production: its own
 * JVM, its own connection pool, configured by command-line properties only. {@link #kill()} is a real SIGKILL
 * (no shutdown hook, no rollback by the application: only PostgreSQL's own crash safety applies).
 */
final class AppProcess implements AutoCloseable {
    private final String name;
    private final List<String> command;
    private final Path log;
    private final int port;
    private Process process;

    private AppProcess(String name, List<String> command, Path log, int port) {
        this.name = name;
        this.command = command;
        this.log = log;
        this.port = port;
    }

    static Path jar(String module, String file) {
        Path jar = ProjectPaths.root().resolve(module).resolve("target").resolve(file);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the fault tests run the real jar; build the reactor first "
                    + "(./mvnw -DskipTests install, or ./mvnw verify which builds it before fault-tests)");
        }
        return jar;
    }

    /** Starts the jar with {@code --server.port=port} and the given properties; does not wait. */
    static AppProcess start(String name, Path jar, int port, List<String> properties, Path log) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Small, quick-starting JVMs: 2 cores are shared by the test JVM, PostgreSQL, anvil and two apps.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m", "-Xss512k", "-XX:-UsePerfData",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-jar", jar.toString(), "--server.port=" + port, "--spring.jmx.enabled=false"));
        cmd.addAll(properties);
        AppProcess app = new AppProcess(name, cmd, log, port);
        app.start();
        return app;
    }

    synchronized void start() {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, "---- start " + Instant.now() + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            OrphanGuard.guard(process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Waits until {@code /actuator/health} answers 200 (all components UP or DEGRADED). */
    AppProcess awaitHealthy(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            Pause.millis(200);
        }
        throw new IllegalStateException(name + " not healthy within " + timeout + " (last: " + last + "); see " + log);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    /** The JVM's threads (jcmd Thread.print), for a failure message. */
    String threadDump() {
        try {
            Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(process.pid()), "Thread.print").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException | InterruptedException | RuntimeException e) {
            return "no thread dump: " + e;
        }
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, as the OOM killer or a power cut would: nothing in the application runs any more. */
    synchronized void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** SIGTERM: Spring's graceful shutdown. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!waitFor(Duration.ofSeconds(30))) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(10));
        }
    }

    private boolean waitFor(Duration d) {
        try {
            return process.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
