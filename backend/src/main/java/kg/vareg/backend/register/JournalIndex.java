package kg.vareg.backend.register;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What readers look up in a journal record, derived from its canonical bytes (the same rule as the backfill in
 * registry migration V80): the subject's emission, issuer and registration number, an issued extract's id, and
 * every document hash the record carries — {@code documents[].sha256} (kind = the document's kind) and every
 * {@code ...Sha256} field inside its events (kind = the field's name). Private documents (¶66) are carried only as
 * salted commitments, never as a {@code sha256}, so they never become a lookup key.
 */
public record JournalIndex(Optional<UUID> emission, Optional<UUID> issuer, Optional<String> registrationNumber,
        Optional<UUID> extractId, List<DocumentHash> documents) {

    public static final String EXTRACT_RECORD_TYPE = "RegisterExtractIssued";
    private static final Pattern SHA256_HEX = Pattern.compile("^[0-9a-f]{64}$");

    /** One document hash of a record. */
    public record DocumentHash(byte[] sha256, String kind) {
        String key() {
            return HexFormat.of().formatHex(sha256) + "/" + kind;
        }
    }

    public static JournalIndex of(String recordType, byte[] canonicalJson) {
        JsonNode doc = JsonMapper.shared().readTree(canonicalJson);
        JsonNode subject = doc.path("subject");
        Optional<UUID> extract = EXTRACT_RECORD_TYPE.equals(recordType)
                ? text(doc.path("events").path(0).path("changes").path("extractId")).map(UUID::fromString)
                : Optional.empty();
        Set<String> seen = new LinkedHashSet<>();
        List<DocumentHash> hashes = new ArrayList<>();
        collect(doc.path("documents"), seen, hashes);
        collect(doc.path("events"), seen, hashes);
        return new JournalIndex(text(subject.path("emission")).map(UUID::fromString),
                text(subject.path("issuer")).map(UUID::fromString), text(subject.path("registrationNumber")),
                extract, List.copyOf(hashes));
    }

    private static void collect(JsonNode node, Set<String> seen, List<DocumentHash> out) {
        if (node.isArray()) {
            node.forEach(n -> collect(n, seen, out));
        } else if (node.isObject()) {
            for (var field : node.properties()) {
                String key = field.getKey();
                JsonNode value = field.getValue();
                if ((key.equals("sha256") || key.endsWith("Sha256")) && value.isString()
                        && SHA256_HEX.matcher(value.asString()).matches()) {
                    String kind = key.equals("sha256") ? text(node.path("kind")).orElse(key) : key;
                    DocumentHash h = new DocumentHash(HexFormat.of().parseHex(value.asString()), kind);
                    if (seen.add(h.key())) out.add(h);
                } else {
                    collect(value, seen, out);
                }
            }
        }
    }

    private static Optional<String> text(JsonNode n) {
        return n.isString() ? Optional.of(n.asString()) : Optional.empty();
    }
}
