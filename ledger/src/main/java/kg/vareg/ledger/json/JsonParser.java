package kg.vareg.ledger.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 / I-JSON (RFC 7493) parser producing plain Java values: {@code Map<String,
 * Object>} (insertion ordered), {@code List<Object>}, {@code String}, {@code Boolean}, {@code
 * Double} and {@code null}.
 *
 * <p>Strict means: whatever RFC 8785 could not canonicalize unambiguously is an error — duplicate
 * keys, lone surrogates, numbers outside the IEEE double range, leading zeros, trailing garbage,
 * anything but the four JSON whitespace characters.
 */
final class JsonParser {

    private final String in;
    private final JsonLimits limits;
    private int pos;
    private int depth;

    private JsonParser(String in, JsonLimits limits) {
        this.in = in;
        this.limits = limits;
    }

    static Object parse(String text, JsonLimits limits) {
        if (text.length() > limits.maxChars()) {
            throw new JsonException("input is " + text.length() + " chars, limit is " + limits.maxChars());
        }
        JsonParser p = new JsonParser(text, limits);
        p.skipWhitespace();
        Object value = p.value();
        p.skipWhitespace();
        if (p.pos != text.length()) {
            throw p.error("trailing data after the JSON value");
        }
        return value;
    }

    private Object value() {
        if (pos >= in.length()) {
            throw error("unexpected end of input");
        }
        char c = in.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected character " + describe(c));
            }
        };
    }

    private Map<String, Object> object() {
        enter();
        pos++; // '{'
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return Collections.unmodifiableMap(map);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a string key");
            }
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object v = value();
            if (map.containsKey(key)) {
                throw error("duplicate key " + quoteForMessage(key));
            }
            map.put(key, v);
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                depth--;
                return Collections.unmodifiableMap(map);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> array() {
        enter();
        pos++; // '['
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return Collections.unmodifiableList(list);
        }
        while (true) {
            skipWhitespace();
            list.add(value());
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                depth--;
                return Collections.unmodifiableList(list);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private void enter() {
        if (++depth > limits.maxDepth()) {
            throw error("nesting deeper than " + limits.maxDepth());
        }
    }

    private String string() {
        int start = pos;
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= in.length()) {
                throw error("unterminated string");
            }
            char c = in.charAt(pos++);
            if (c == '"') {
                break;
            }
            if (c < 0x20) {
                pos--;
                throw error("unescaped control character " + describe(c) + " in string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= in.length()) {
                throw error("unterminated escape");
            }
            char e = in.charAt(pos++);
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> sb.append(hex4());
                default -> {
                    pos--;
                    throw error("invalid escape \\" + describe(e));
                }
            }
        }
        String s = sb.toString();
        int bad = firstLoneSurrogate(s);
        if (bad >= 0) {
            pos = start;
            throw error("lone surrogate U+" + Integer.toHexString(s.charAt(bad)).toUpperCase() + " in string");
        }
        return s;
    }

    /** Index of the first unpaired surrogate in {@code s}, or -1 if it is well-formed UTF-16. */
    static int firstLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private char hex4() {
        if (pos + 4 > in.length()) {
            throw error("truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(in.charAt(pos + i), 16);
            // Character.digit accepts non-ASCII digits (e.g. fullwidth); JSON allows only ASCII hex.
            if (d < 0 || in.charAt(pos + i) > 'f') {
                throw error("invalid \\u escape");
            }
            v = (v << 4) | d;
        }
        pos += 4;
        return (char) v;
    }

    private Double number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error("leading zero in number");
            }
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("invalid number");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("digit expected after decimal point");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("digit expected in exponent");
            }
            digits();
        }
        double d = Double.parseDouble(in.substring(start, pos));
        if (Double.isInfinite(d)) {
            pos = start;
            throw error("number outside the IEEE 754 double range");
        }
        return d;
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) {
        if (!in.startsWith(word, pos)) {
            throw error("invalid literal");
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    /** The current char, or U+FFFF at the end (never valid where a token is expected). */
    private char peek() {
        return pos < in.length() ? in.charAt(pos) : '\uFFFF';
    }

    private void skipWhitespace() {
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    private JsonException error(String message) {
        return new JsonException(message + " at offset " + pos);
    }

    private static String describe(char c) {
        return c == '\uFFFF' ? "end of input" : String.format("U+%04X", (int) c);
    }

    private static String quoteForMessage(String key) {
        return key.length() > 40 ? "\"" + key.substring(0, 40) + "...\"" : "\"" + key + "\"";
    }
}
