package kg.vareg.ledger.json;

/**
 * Resource limits for parsing untrusted JSON: a hostile bundle must not exhaust the stack (deep
 * nesting) or the heap (huge input).
 *
 * @param maxDepth maximum nesting of arrays and objects (the top-level value is depth 1)
 * @param maxChars maximum input length in UTF-16 chars (for byte input: bytes)
 */
public record JsonLimits(int maxDepth, int maxChars) {

    /** 64 levels, 1 MiB: far beyond any journal record, far below any stack or heap limit. */
    public static final JsonLimits DEFAULT = new JsonLimits(64, 1 << 20);

    public JsonLimits {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be >= 1");
        }
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be >= 1");
        }
    }
}
