package kg.vareg.ledger.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private final CanonicalJson jcs = CanonicalJson.standard();

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = CanonicalJsonTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    /** cyberphone/json-canonicalization testdata (see src/test/resources/jcs/README.md). */
    @ParameterizedTest
    @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird"})
    void cyberphoneVectors(String name) throws IOException {
        byte[] expected = resource("/jcs/output/" + name + ".json");
        byte[] actual = jcs.canonicalize(resource("/jcs/input/" + name + ".json"));
        assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
        assertThat(actual).isEqualTo(expected);
    }

    /** RFC 8785 Appendix B: IEEE 754 bit patterns and their ECMAScript serialization. */
    @ParameterizedTest
    @CsvSource({
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2"
    })
    void rfc8785NumberSerialization(String bits, String expected) {
        double d = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
        assertThat(EcmaScriptNumbers.toString(d)).isEqualTo(expected);
        // And through the parser: the text of the double round-trips to the same form.
        assertThat(jcs.canonicalize("[" + expected + "]")).isEqualTo("[" + expected + "]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7fffffffffffffff", "7ff0000000000000", "fff0000000000000"})
    void nanAndInfinityAreRejected(String bits) {
        double d = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
        assertThatThrownBy(() -> EcmaScriptNumbers.toString(d)).isInstanceOf(JsonException.class);
    }

    @Test
    void moreNumberForms() {
        assertThat(jcs.canonicalize("[1.0, -0, 0.1, 100, 1e21, 1e-7, 123e-20, 1E2, -1.5e-9, 0.000001]"))
                .isEqualTo("[1,0,0.1,100,1e+21,1e-7,1.23e-18,100,-1.5e-9,0.000001]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\":1,\"a\":2}",             // duplicate key
        "{\"a\":1,\"\\u0061\":2}",       // duplicate after unescaping
        "[\"\\ud800\"]",                  // lone high surrogate
        "[\"\\udc00\"]",                  // lone low surrogate
        "[\"\\ud800\\u0041\"]",           // high surrogate followed by a non-surrogate
        "[01]", "[1.]", "[.5]", "[+1]", "[-]", "[1e]", "[1e+]", "[0x10]", "[NaN]", "[Infinity]",
        "[1e400]",                        // outside the double range
        "[1] x", "{} {}", "[1],",         // trailing garbage
        "[1,]", "{\"a\":1,}", "[", "{", "{\"a\"}", "{\"a\" 1}", "{1:2}", "",
        "[\"a\u0001\"]",                  // raw control character in a string
        "[\"\\x\"]", "[\"\\u12\"]", "[\"\\u12g4\"]", "[\"unterminated]",
        "[tru]", "[nul]", "[True]",
        "\u00a0[]",                       // non-JSON whitespace
        "[1]\u0000"
    })
    void malformedJsonIsRejected(String json) {
        assertThatThrownBy(() -> jcs.canonicalize(json)).isInstanceOf(JsonException.class);
    }

    @Test
    void nestingDeeperThanTheLimitIsRejected() {
        CanonicalJson limited = CanonicalJson.withLimits(new JsonLimits(4, 1000));
        assertThat(limited.canonicalize("[[[[1]]]]")).isEqualTo("[[[[1]]]]");
        assertThatThrownBy(() -> limited.canonicalize("[[[[[1]]]]]")).isInstanceOf(JsonException.class)
                .hasMessageContaining("nesting");
        assertThatThrownBy(() -> limited.canonicalize("{\"a\":{\"a\":{\"a\":{\"a\":{}}}}}")).isInstanceOf(JsonException.class);
        // The default limit protects the stack against hostile input.
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> jcs.canonicalize(deep)).isInstanceOf(JsonException.class);
    }

    @Test
    void inputLargerThanTheLimitIsRejected() {
        CanonicalJson limited = CanonicalJson.withLimits(new JsonLimits(64, 10));
        assertThat(limited.canonicalize("[1,2,3,4]")).isEqualTo("[1,2,3,4]");
        assertThatThrownBy(() -> limited.canonicalize("[1,2,3,4,5]")).isInstanceOf(JsonException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> limited.canonicalize("[1,2,3,4,5]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonException.class);
    }

    @Test
    void invalidUtf8AndByteOrderMarkAreRejected() {
        assertThatThrownBy(() -> jcs.canonicalize(new byte[] {'[', '"', (byte) 0xC3, '"', ']'})).isInstanceOf(JsonException.class)
                .hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> jcs.canonicalize(new byte[] {'[', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ']'}))
                .isInstanceOf(JsonException.class); // CESU-style encoded surrogate
        assertThatThrownBy(() -> jcs.canonicalize(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '[', ']'}))
                .isInstanceOf(JsonException.class);
    }

    @Test
    void keysAreSortedByUtf16CodeUnitsNotCodePoints() {
        // U+FB33 (one UTF-16 unit, 0xFB33) sorts after U+1F602 (surrogates 0xD83D 0xDE02).
        assertThat(jcs.canonicalize("{\"\\ufb33\":1,\"\\ud83d\\ude02\":2}")).isEqualTo("{\"\ud83d\ude02\":2,\"\ufb33\":1}");
    }

    @Test
    void stringEscaping() {
        assertThat(jcs.canonicalize("[\"\\u0000\\u001f\\b\\f\\n\\r\\t\\\"\\\\\\/\\u007f\\u2028\"]"))
                .isEqualTo("[\"\\u0000\\u001f\\b\\f\\n\\r\\t\\\"\\\\/\u007f\u2028\"]");
    }

    @Test
    void writesJavaValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "EmissionRegistered");
        m.put("quantity", new BigDecimal("1000000.50"));
        m.put("count", 3);
        m.put("big", BigInteger.valueOf(9007199254740992L));
        m.put("docs", List.of("a", "b"));
        m.put("ok", true);
        m.put("none", null);
        m.put("ratio", 0.5d);
        m.put("n", 42L);
        assertThat(jcs.write(m)).isEqualTo(
                "{\"big\":9007199254740992,\"count\":3,\"docs\":[\"a\",\"b\"],\"n\":42,\"none\":null,\"ok\":true,"
                        + "\"quantity\":\"1000000.50\",\"ratio\":0.5,\"type\":\"EmissionRegistered\"}");
        assertThat(jcs.toBytes(List.of("é"))).isEqualTo("[\"é\"]".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void writerRejectsWhatCannotBeCanonical() {
        assertThatThrownBy(() -> jcs.write(List.of(BigInteger.TWO.pow(53).add(BigInteger.ONE)))).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> jcs.write(List.of(Long.MAX_VALUE))).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> jcs.write(List.of(Double.NaN))).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> jcs.write(Map.of(1, "x"))).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> jcs.write(List.of("\ud800"))).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> jcs.write(new Object())).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> jcs.write(java.util.Set.of("a"))).isInstanceOf(JsonException.class);
        Object deep = List.of();
        for (int i = 0; i < 70; i++) {
            deep = List.of(deep);
        }
        Object tooDeep = deep;
        assertThatThrownBy(() -> jcs.write(tooDeep)).isInstanceOf(JsonException.class);
    }

    @Test
    void parseGivesUnmodifiableJavaValues() {
        Object v = jcs.parse("{\"a\":[1,true,null,\"s\"]}");
        assertThat(v).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        List<Object> a = (List<Object>) ((Map<?, ?>) v).get("a");
        assertThat(a).containsExactly(1.0, true, null, "s");
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) v;
        assertThatThrownBy(() -> m.put("b", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Arrays.asList(a.toArray())).hasSize(4);
    }
}
