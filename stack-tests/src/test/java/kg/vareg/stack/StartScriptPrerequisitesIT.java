package kg.vareg.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kg.vareg.devstack.ProjectPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing prerequisite stops ./start.sh with one clear line and a non-zero exit, before it builds anything. */
class StartScriptPrerequisitesIT {
    private final Path root = ProjectPaths.root();

    @TempDir
    Path fakeBin;

    record Result(int exitCode, String stdout, String stderr) {}

    @Test
    void noNodeJs() throws Exception {
        link("java", javaBinary());
        for (String tool : List.of("sed", "cut", "dirname", "find", "cat")) {
            link(tool, Path.of("/usr/bin", tool));
        }
        Result r = run(Map.of("PATH", fakeBin.toString(), "VAREG_JVM_DIRS", fakeBin.resolve("none").toString()));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr().strip().lines()).singleElement().asString()
                .startsWith("vareg: needs Node.js 20 or newer");
    }

    @Test
    void jdkTooOld() throws Exception {
        for (String tool : List.of("sed", "cut", "dirname", "find", "cat")) {
            link(tool, Path.of("/usr/bin", tool));
        }
        Path old = fakeBin.resolve("java");
        Files.writeString(old, "#!/bin/sh\necho '    java.specification.version = 17' >&2\n");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwxr-xr-x"));
        Result r = run(Map.of("PATH", fakeBin.toString(), "VAREG_JVM_DIRS", fakeBin.resolve("none").toString()));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr().strip().lines()).singleElement().asString()
                .isEqualTo("vareg: needs a JDK 21 or newer: install one (e.g. Temurin 21) and set JAVA_HOME to it");
    }

    @Test
    void portTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result r = run(Map.of("JAVA_HOME", System.getProperty("java.home"),
                    "VAREG_HTTP_PORT", Integer.toString(taken.getLocalPort())));
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.stderr().strip().lines()).singleElement().asString()
                    .isEqualTo("vareg: port " + taken.getLocalPort()
                            + " is taken: stop what listens there (another vareg?) or choose another with VAREG_HTTP_PORT=<port>");
        }
    }

    private Result run(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of("/bin/bash", root.resolve("start.sh").toString()));
        pb.environment().remove("JAVA_HOME");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(fakeBin, "out", ".txt");
        Path err = Files.createTempFile(fakeBin, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("start.sh answered within a minute").isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private void link(String name, Path target) throws IOException {
        Files.createSymbolicLink(fakeBin.resolve(name), target);
    }

    private static Path javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
