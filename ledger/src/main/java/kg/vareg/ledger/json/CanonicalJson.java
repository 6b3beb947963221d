package kg.vareg.ledger.json;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * RFC 8785 JSON Canonicalization Scheme (JCS).
 *
 * <p>Journal entries are hashed into the log as their canonical bytes, so two honest parties that
 * hold the same record always compute the same leaf hash. Two entry points:
 * <ul>
 *   <li>{@link #canonicalize(String)} / {@link #canonicalize(byte[])}: strict parse, then write;</li>
 *   <li>{@link #write(Object)} / {@link #toBytes(Object)}: write Java values directly.</li>
 * </ul>
 * Instances are immutable and thread-safe.
 */
public final class CanonicalJson {

    private static final CanonicalJson DEFAULT = new CanonicalJson(JsonLimits.DEFAULT);

    private final JsonLimits limits;

    private CanonicalJson(JsonLimits limits) {
        this.limits = limits;
    }

    /** Canonicalizer with {@link JsonLimits#DEFAULT}. */
    public static CanonicalJson standard() {
        return DEFAULT;
    }

    public static CanonicalJson withLimits(JsonLimits limits) {
        return new CanonicalJson(Objects.requireNonNull(limits, "limits"));
    }

    /** Parses strictly (see {@link #parse(String)}) and returns the canonical text. */
    public String canonicalize(String json) {
        return write(parse(json));
    }

    /** Decodes strict UTF-8 (no BOM, no malformed sequences), then canonicalizes; returns UTF-8. */
    public byte[] canonicalize(byte[] utf8Json) {
        return canonicalize(decodeUtf8(utf8Json)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Parses a JSON text into Java values: {@code Map<String,Object>}, {@code List<Object>},
     * {@code String}, {@code Boolean}, {@code Double}, {@code null}; all collections unmodifiable.
     */
    public Object parse(String json) {
        Objects.requireNonNull(json, "json");
        return JsonParser.parse(json, limits);
    }

    /** Like {@link #parse(String)} for UTF-8 bytes. */
    public Object parse(byte[] utf8Json) {
        return parse(decodeUtf8(utf8Json));
    }

    /**
     * Writes Java values as canonical JSON: {@code Map} with {@code String} keys, {@code List},
     * {@code String}, {@code Boolean}, {@code null}, {@code Double}/{@code Float} (finite), integer
     * types and {@code BigInteger} within ±2^53, {@code BigDecimal} as a JSON string of its plain
     * form (amounts never pass through binary floating point).
     */
    public String write(Object value) {
        return JsonWriter.write(value, limits.maxDepth());
    }

    /** {@link #write(Object)} as UTF-8 bytes: what goes into a journal row and a leaf hash. */
    public byte[] toBytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    private String decodeUtf8(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length > limits.maxChars()) {
            throw new JsonException("input is " + bytes.length + " bytes, limit is " + limits.maxChars());
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            throw new JsonException("byte order mark is not allowed");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new JsonException("input is not valid UTF-8");
        }
    }
}
