package kg.vareg.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the project root (the folder holding contracts/package.json) and the npm toolchain in it. */
public final class ProjectPaths {
    private ProjectPaths() {}

    public static Path root() {
        String configured = System.getProperty("vareg.root", System.getenv("VAREG_ROOT"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("contracts/package.json"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the vareg project root (a folder with contracts/package.json)"
                + " above " + dir + ": set -Dvareg.root or VAREG_ROOT");
    }

    /** The anvil binary installed by npm in contracts/node_modules (the platform package, else the node shim). */
    public static Path anvil() {
        String configured = System.getProperty("vareg.anvil", System.getenv("VAREG_ANVIL"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path modules = root().resolve("contracts/node_modules");
        Optional<Path> native_ = platformPackage().map(pkg -> modules.resolve("@foundry-rs/" + pkg + "/bin/anvil"))
                .filter(Files::isExecutable);
        if (native_.isPresent()) {
            return native_.get();
        }
        Path shim = modules.resolve(".bin/anvil");
        if (Files.isExecutable(shim)) {
            return shim;
        }
        throw new IllegalStateException("the local EVM node (anvil) is not installed: run `npm ci` in "
                + root().resolve("contracts") + " (or build once with ./mvnw, which does it)");
    }

    private static Optional<String> platformPackage() {
        String os = System.getProperty("os.name").toLowerCase();
        String arch = System.getProperty("os.arch").toLowerCase();
        String a = arch.contains("aarch64") || arch.contains("arm64") ? "arm64" : "amd64";
        if (os.contains("linux")) return Optional.of("anvil-linux-" + a);
        if (os.contains("mac")) return Optional.of("anvil-darwin-" + a);
        return Optional.empty();
    }
}
