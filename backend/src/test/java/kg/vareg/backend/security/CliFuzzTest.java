package kg.vareg.backend.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kg.vareg.verifier.cli.VaregVerifyChain;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The verifier CLI (vareg-verify) under random arguments and random / mutated files: every run ends with a
 * non-zero exit code and exactly one "FAIL: ..." line on stderr — never a stack trace. (Chain commands get only a
 * closed loopback port as RPC endpoint: no traffic leaves the machine.)
 */
class CliFuzzTest {
    static Path dir;
    static List<String> files = new ArrayList<>();

    @BeforeContainer
    static void files() throws IOException {
        dir = Files.createTempDirectory("vareg-cli-fuzz");
        String[] contents = {"", "{", "{}", "[]", "null", "{\"leafIndex\":-1}", "{\"entry\":\"!!!\",\"leafIndex\":0,\"treeSize\":0}",
                "{\"leafIndex\":9223372036854775807,\"treeSize\":1,\"inclusionPath\":[\"zz\"],\"entry\":\"AA==\"}",
                "{\"checkpoint\":\"vareg.kg/register/v1\\n1\\nAAAA\\n\\n— x y\\n\"}", "\u0000\u0001\u0002", "\uFEFF{}",
                "{\"a\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}"};
        for (int i = 0; i < contents.length; i++) {
            Path f = dir.resolve("f" + i + ".json");
            Files.writeString(f, contents[i], StandardCharsets.UTF_8);
            files.add(f.toString());
        }
        Path bin = dir.resolve("random.bin");
        byte[] b = new byte[4096];
        new java.util.Random(8).nextBytes(b);
        Files.write(bin, b);
        files.add(bin.toString());
        files.add(dir.resolve("missing.json").toString());
        files.add(dir.toString()); // a directory
    }

    @AfterContainer
    static void clean() throws IOException {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<List<String>> argv() {
        Arbitrary<String> words = Arbitraries.oneOf(
                Arbitraries.of("verify-entry", "verify-consistency", "verify-chain", "audit", "--bundle", "--checkpoint", "--key",
                        "--rpc", "--contract", "--backend", "--first", "--second", "--entry", "--index", "--size", "-", "--",
                        "http://127.0.0.1:1", "0x0000000000000000000000000000000000000000", "0xZZ", "-1", "9223372036854775808",
                        "\u202e", "é", "--bundle=", "=", "\u0000"),
                Arbitraries.of(files),
                Arbitraries.strings().ofMaxLength(30));
        return words.list().ofMinSize(1).ofMaxSize(8)
                .filter(l -> !l.contains("--help") && !l.getFirst().equals("help") && !l.getFirst().equals("-h"));
    }

    @Property(tries = 400)
    void randomArgumentsAndFilesEndInOneFailLineAndANonZeroExit(@ForAll("argv") List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = VaregVerifyChain.run(args.toArray(String[]::new), o, e);
        }
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as("exit code for %s", args).isIn(1, 2);
        assertThat(stderr.lines().toList()).as("stderr for %s", args).hasSize(1);
        assertThat(stderr).startsWith("FAIL: ").doesNotContain("\tat ").doesNotContain("Exception:");
    }
}
