package kg.vareg.backend.api;

import java.util.Optional;

/** Optimistic locking over HTTP: the ETag is the aggregate's version; If-Match carries the version the client saw. */
public final class Versions {
    private Versions() {}

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    public static Optional<Long> ifMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) return Optional.empty();
        String v = header.trim();
        if (v.startsWith("W/")) v = v.substring(2);
        v = v.replace("\"", "");
        try {
            return Optional.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("If-Match", "must be the ETag of the resource, e.g. \"3\"");
        }
    }
}
