package kg.vareg.backend.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kg.vareg.backend.verification.FindingKind;
import org.junit.jupiter.api.Test;

/** All page text comes from the bundles: the three languages have the same keys, and every key a template names exists. */
class MessageBundlesTest {
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)[}(]");

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (var in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void kyrgyzRussianAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> en = bundle("messages.properties").stringPropertyNames();
        assertThat(bundle("messages_ky.properties").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en);
        assertThat(bundle("messages_ru.properties").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en);
    }

    @Test
    void everyKeyUsedByATemplateExists() throws IOException {
        Set<String> keys = bundle("messages.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                var m = TEMPLATE_KEY.matcher(Files.readString(f));
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyVerifierFindingHasAName() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_ky.properties", "messages_ru.properties"}) {
            Properties p = bundle(bundle);
            for (FindingKind kind : FindingKind.values()) {
                assertThat(p.getProperty("finding.kind." + kind.name())).as(bundle + " " + kind).isNotBlank();
            }
        }
    }
}
