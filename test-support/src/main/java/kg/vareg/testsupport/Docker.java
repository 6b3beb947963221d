package kg.vareg.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;

/**
 * Whether tests should use Testcontainers: only where a Docker engine really answers. Set
 * {@code -Dvareg.test.containers=never|always} to force a choice; the default {@code auto} first
 * looks for a socket or DOCKER_HOST (cheap) and then asks the engine.
 */
final class Docker {
    private static Boolean answers;

    private Docker() {}

    static synchronized boolean answers() {
        if (answers == null) {
            String mode = System.getProperty("vareg.test.containers", "auto");
            answers = switch (mode) {
                case "never" -> false;
                case "always" -> true;
                default -> (System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock")))
                        && engineAnswers();
            };
        }
        return answers;
    }

    private static boolean engineAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
