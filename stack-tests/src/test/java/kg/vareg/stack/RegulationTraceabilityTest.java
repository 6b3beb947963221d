package kg.vareg.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kg.vareg.devstack.ProjectPaths;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/regulation-traceability.md true: it must be exactly the rows of docs/traceability/*.md
 * (one file per feature area) ordered by ¶, and every test it names as proof must exist.
 * Regenerate with {@code ./mvnw -pl stack-tests test -Dtest=RegulationTraceabilityTest -Dvareg.traceability.write=true}.
 */
class RegulationTraceabilityTest {
    private static final Pattern PARAGRAPH = Pattern.compile("¶(\\d+)(?:-(\\d+))?");
    private static final Pattern TEST_REF = Pattern.compile("`([A-Z][A-Za-z0-9]*(?:Test|IT))(?:#([A-Za-z0-9_]+))?");

    private final Path root = ProjectPaths.root();

    record Row(String area, String line, int paragraph, int subParagraph) {}

    @Test
    void theTraceabilityDocumentIsTheOrderedUnionOfTheAreaFiles() throws IOException {
        String expected = render(rows());
        Path doc = root.resolve("docs/regulation-traceability.md");
        if (Boolean.getBoolean("vareg.traceability.write")) {
            Files.writeString(doc, expected);
        }
        assertThat(Files.readString(doc))
                .as("docs/regulation-traceability.md is out of date: regenerate it (see this test's javadoc)")
                .isEqualTo(expected);
    }

    @Test
    void everyTestNamedAsProofExists() throws IOException {
        Map<String, Path> testFiles;
        try (Stream<Path> files = Files.walk(root)) {
            testFiles = files.filter(p -> p.toString().contains("/src/test/java/") && p.toString().endsWith(".java"))
                    .filter(p -> !p.toString().contains("/node_modules/"))
                    .collect(Collectors.toMap(p -> p.getFileName().toString().replace(".java", ""), p -> p, (a, b) -> a));
        }
        List<String> missing = new ArrayList<>();
        for (Row row : rows()) {
            String[] cells = row.line().split("\\|");
            String provedBy = cells.length > 4 ? cells[4] : "";
            Matcher m = TEST_REF.matcher(provedBy);
            while (m.find()) {
                Path file = testFiles.get(m.group(1));
                if (file == null) {
                    missing.add(row.area() + ": " + m.group(1));
                } else if (m.group(2) != null && !Files.readString(file).contains(m.group(2))) {
                    missing.add(row.area() + ": " + m.group(1) + "#" + m.group(2));
                }
            }
        }
        assertThat(missing).as("tests named in docs/traceability/*.md that do not exist").isEmpty();
    }

    private List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("docs/traceability"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                String area = f.getFileName().toString().replace(".md", "");
                for (String line : Files.readAllLines(f)) {
                    Matcher m = PARAGRAPH.matcher(line.split("\\|", 3).length > 1 ? line.split("\\|", 3)[1] : "");
                    if (line.startsWith("| ¶") && m.find()) { // a row whose first cell names a ¶ (not the header)
                        int sub = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
                        rows.add(new Row(area, line, Integer.parseInt(m.group(1)), sub));
                    }
                }
            }
        }
        rows.sort(Comparator.comparingInt(Row::paragraph).thenComparingInt(Row::subParagraph).thenComparing(Row::area));
        return rows;
    }

    private static String render(List<Row> rows) {
        StringBuilder out = new StringBuilder("""
                # Regulation traceability

                One row per rule of the regulation (`../shared/regulation.md`; the original `regulation-ky.txt` wins):
                where vareg enforces it and which test proves it, ordered by ¶. Generated from `docs/traceability/*.md`
                (one file per feature area, named in the last column); `RegulationTraceabilityTest` fails when this file
                is out of date or names a test that does not exist.

                | ¶ | rule | enforced in | proved by | area |
                |---|---|---|---|---|
                """);
        for (Row r : rows) {
            out.append(r.line().stripTrailing()).append(" ").append(r.area()).append(" |\n");
        }
        return out.toString();
    }
}
