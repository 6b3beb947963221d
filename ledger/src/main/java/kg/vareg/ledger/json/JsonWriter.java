package kg.vareg.ledger.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes Java values as RFC 8785 canonical JSON text (see {@link CanonicalJson#write(Object)}). */
final class JsonWriter {

    /** 2^53: beyond it not every integer is a double, so an integer could silently change. */
    private static final long MAX_SAFE = 1L << 53;

    private final StringBuilder out = new StringBuilder();
    private final int maxDepth;

    private JsonWriter(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    static String write(Object value, int maxDepth) {
        JsonWriter w = new JsonWriter(maxDepth);
        w.value(value, 0);
        return w.out.toString();
    }

    private void value(Object v, int depth) {
        switch (v) {
            case null -> out.append("null");
            case String s -> string(s);
            case Boolean b -> out.append(b ? "true" : "false");
            case Double d -> out.append(EcmaScriptNumbers.toString(d));
            case Float f -> out.append(EcmaScriptNumbers.toString(f.doubleValue()));
            case Integer i -> out.append(i.intValue());
            case Short s -> out.append(s.shortValue());
            case Byte b -> out.append(b.byteValue());
            case Long l -> integer(BigInteger.valueOf(l));
            case BigInteger b -> integer(b);
            // Amounts keep their exact decimal form: written as a string, never as a lossy double.
            case BigDecimal b -> string(b.toPlainString());
            case Map<?, ?> m -> object(m, depth + 1);
            case List<?> l -> array(l, depth + 1);
            default -> throw new JsonException(
                    "cannot write " + v.getClass().getName() + " as canonical JSON");
        }
    }

    private void integer(BigInteger b) {
        if (b.abs().compareTo(BigInteger.valueOf(MAX_SAFE)) > 0) {
            throw new JsonException("integer " + b + " exceeds 2^53; write it as a string");
        }
        out.append(EcmaScriptNumbers.toString(b.doubleValue()));
    }

    private void object(Map<?, ?> map, int depth) {
        checkDepth(depth);
        List<String> keys = new ArrayList<>(map.size());
        for (Object k : map.keySet()) {
            if (!(k instanceof String s)) {
                throw new JsonException("object keys must be strings, got " + (k == null ? "null" : k.getClass().getName()));
            }
            keys.add(s);
        }
        // String.compareTo compares UTF-16 code units, which is exactly RFC 8785 §3.2.3 ordering.
        keys.sort(String::compareTo);
        out.append('{');
        boolean first = true;
        for (String k : keys) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(k);
            out.append(':');
            value(map.get(k), depth);
        }
        out.append('}');
    }

    private void array(List<?> list, int depth) {
        checkDepth(depth);
        out.append('[');
        boolean first = true;
        for (Object o : list) {
            if (!first) {
                out.append(',');
            }
            first = false;
            value(o, depth);
        }
        out.append(']');
    }

    private void checkDepth(int depth) {
        if (depth > maxDepth) {
            throw new JsonException("nesting deeper than " + maxDepth);
        }
    }

    /** RFC 8785 §3.2.2.2: escape only '"', '\\' and controls; short forms where JSON has them. */
    private void string(String s) {
        if (JsonParser.firstLoneSurrogate(s) >= 0) {
            throw new JsonException("string contains a lone surrogate");
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
