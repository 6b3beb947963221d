package kg.vareg.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A Spring Boot jar run as a child process with its output in a log file. */
public final class JavaApp implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private JavaApp(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static JavaApp start(String name, Path jar, List<String> args, Path log) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Dev stack child JVMs (docs/operations.md "JVM flags"): C1 only and the serial collector start fast and
        // stay small; a bounded heap instead of a quarter of the host's RAM per child.
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Xmx512m");
        cmd.add("-Xss512k");
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(args);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            OrphanGuard.guard(p.pid());
            return new JavaApp(name, p, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    static JavaApp awaitFirstExit(List<JavaApp> apps) {
        return (JavaApp) CompletableFuture.anyOf(apps.stream()
                .map(a -> a.process.onExit().thenApply(p -> a)).toArray(CompletableFuture[]::new)).join();
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitCode() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
