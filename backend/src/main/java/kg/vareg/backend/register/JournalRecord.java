package kg.vareg.backend.register;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import kg.vareg.backend.kernel.ActorRole;

/**
 * One register change as it enters the journal (docs/journal-record-format.md, version 1). Only public data
 * and salted commitments to private data (¶66); documents by their SHA-256 only.
 *
 * @param type        the change, e.g. "EmissionRegistered" (the first event when a change records several)
 * @param subject     what changed: {"emission": uuid, "issuer": uuid, "registrationNumber": "KG…"} (absent keys omitted)
 * @param at          when the change was made
 * @param actorRole   who made it (role only; names of staff are not published)
 * @param events      the events of the change, in order: {type, paragraph, changes}
 * @param commitments name → "sha256:<hex>" of salted private data
 * @param documents   the documents the change rests on: {kind, sha256}
 */
public record JournalRecord(String type, Map<String, Object> subject, Instant at, ActorRole actorRole,
        List<Map<String, Object>> events, Map<String, String> commitments, List<Map<String, Object>> documents) {

    public static final int VERSION = 1;

    public JournalRecord {
        Objects.requireNonNull(type);
        subject = Map.copyOf(subject);
        at = at.truncatedTo(ChronoUnit.MICROS);
        events = List.copyOf(events);
        commitments = Map.copyOf(commitments);
        documents = List.copyOf(documents);
    }

    /** The JSON value that is canonicalized (RFC 8785) into the row's bytes. */
    public Map<String, Object> toJsonValue() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("v", VERSION);
        m.put("type", type);
        m.put("subject", subject);
        m.put("at", at.toString());
        m.put("actorRole", actorRole.name());
        m.put("events", events);
        m.put("commitments", commitments);
        m.put("documents", documents);
        return m;
    }

    public static Map<String, Object> subject(UUID emission, UUID issuer, String registrationNumber) {
        Map<String, Object> s = new LinkedHashMap<>();
        if (emission != null) s.put("emission", emission.toString());
        if (issuer != null) s.put("issuer", issuer.toString());
        if (registrationNumber != null) s.put("registrationNumber", registrationNumber);
        return s;
    }
}
