package kg.vareg.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@code java -jar verifier-cli/target/vareg-verify.jar ...} as a process, as a member of the public runs it. */
final class Cli {
    private Cli() {}

    record Result(int exitCode, String out, String err) {
        /** "exit|first line of stdout (or stderr on failure)", for compact assertions and figures. */
        String line() {
            String text = (exitCode == 0 ? out : err).strip();
            int nl = text.indexOf('\n');
            return exitCode + "|" + (nl < 0 ? text : text.substring(0, nl));
        }
    }

    static Result run(String... args) {
        Path jar = AppProcess.jar("verifier-cli", "vareg-verify.jar");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            if (!p.waitFor(3, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("vareg-verify " + String.join(" ", args) + " did not finish in 3 minutes");
            }
            return new Result(p.exitValue(), out.get(), err.get());
        } catch (IOException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot run vareg-verify: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
