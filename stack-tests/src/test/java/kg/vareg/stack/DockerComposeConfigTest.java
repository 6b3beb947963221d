package kg.vareg.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kg.vareg.devstack.ProjectPaths;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * There is no Docker engine here, so docker-compose.yml is checked by reading it: its services, ports
 * and environment keys must agree with the applications' own configuration (application.yml).
 */
class DockerComposeConfigTest {
    /** Spring Boot's own keys, valid without appearing in application.yml. */
    private static final Set<String> SPRING_STANDARD = Set.of("SPRING_CONFIG_IMPORT", "SERVER_PORT");

    private final Path root = ProjectPaths.root();
    private final Map<String, Object> compose = yaml(root.resolve("docker-compose.yml"));

    @Test
    void hasTheFourPartsOfTheStack() {
        assertThat(services().keySet()).contains("postgres", "evm-node", "backend", "anchoring-worker");
    }

    @Test
    void backendEnvironmentUsesOnlyKeysTheBackendKnows() {
        assertEnvironmentMatches("backend", root.resolve("backend/src/main/resources/application.yml"));
    }

    @Test
    void workerEnvironmentUsesOnlyKeysTheWorkerKnows() {
        assertEnvironmentMatches("anchoring-worker", root.resolve("anchoring-worker/src/main/resources/application.yml"));
    }

    @Test
    void publishedPortsAreTheApplicationsServerPorts() {
        assertThat(publishedPort("backend")).isEqualTo(serverPort(root.resolve("backend/src/main/resources/application.yml")));
        assertThat(publishedPort("anchoring-worker"))
                .isEqualTo(serverPort(root.resolve("anchoring-worker/src/main/resources/application.yml")));
        assertThat(environment("backend").get("SERVER_PORT")).isEqualTo(Integer.toString(publishedPort("backend")));
    }

    @Test
    void applicationsPointAtTheComposeDatabaseAndNode() {
        for (String app : List.of("backend", "anchoring-worker")) {
            Map<String, String> env = environment(app);
            assertThat(env.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://postgres:5432/");
            assertThat(env.get("VAREG_CHAIN_RPC_URL")).isEqualTo("http://evm-node:8545");
            assertThat(env.get("VAREG_CHAIN_CHAIN_ID")).isEqualTo("31337");
        }
        assertThat(String.join(" ", stringList(services().get("evm-node"), "entrypoint")))
                .contains("--port 8545").contains("--chain-id 31337");
    }

    /**
     * Binds the service's environment through Spring Boot's own relaxed binding (as the application
     * would) and checks that every variable lands on a key of application.yml with its value.
     */
    private void assertEnvironmentMatches(String service, Path applicationYml) {
        Set<String> known = new TreeSet<>();
        flatten("", yaml(applicationYml), known);
        Map<String, String> env = environment(service);
        Map<String, Object> asObjects = new LinkedHashMap<>(env);
        Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource("compose", asObjects)));
        Set<String> bound = new TreeSet<>();
        for (String key : known) {
            if (!ConfigurationPropertyName.isValid(key)) {
                continue; // e.g. pass-through maps such as spring.jpa.properties.hibernate.*: not bindable from env
            }
            binder.bind(key, String.class).ifBound(value -> {
                String variable = env.entrySet().stream().filter(e -> e.getValue().equals(value)).map(Map.Entry::getKey)
                        .filter(v -> canonical(v).equals(canonical(key))).findFirst().orElse(null);
                if (variable != null) {
                    bound.add(variable);
                }
            });
        }
        for (String variable : env.keySet()) {
            if (!SPRING_STANDARD.contains(variable)) {
                assertThat(bound).as("%s's %s must bind to a key of %s", service, variable, applicationYml.getFileName())
                        .contains(variable);
            }
        }
    }

    /** Compares names the way relaxed binding does: case, dots, dashes and underscores aside. */
    static String canonical(String name) {
        return name.replace("-", "").replace(".", "").replace("_", "").toUpperCase();
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, Set<String> out) {
        map.forEach((k, v) -> {
            String key = prefix.isEmpty() ? k : prefix + "." + k;
            if (v instanceof Map<?, ?> m) {
                flatten(key, (Map<String, Object>) m, out);
            } else {
                out.add(key);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> services() {
        return (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        ((Map<String, Object>) ((Map<String, Object>) services().get(service)).get("environment"))
                .forEach((k, v) -> env.put(k, String.valueOf(v)));
        return env;
    }

    @SuppressWarnings("unchecked")
    private int publishedPort(String service) {
        List<Object> ports = (List<Object>) ((Map<String, Object>) services().get(service)).get("ports");
        String mapping = String.valueOf(ports.getFirst());
        return Integer.parseInt(mapping.substring(mapping.lastIndexOf(':') + 1));
    }

    @SuppressWarnings("unchecked")
    private static int serverPort(Path applicationYml) {
        return (Integer) ((Map<String, Object>) yaml(applicationYml).get("server")).get("port");
    }

    @SuppressWarnings("unchecked")
    private static List<String> stringList(Object service, String key) {
        return ((List<Object>) ((Map<String, Object>) service).get(key)).stream().map(String::valueOf).toList();
    }

    private static Map<String, Object> yaml(Path file) {
        try {
            return new Yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
