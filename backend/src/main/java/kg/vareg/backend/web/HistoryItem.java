package kg.vareg.backend.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import kg.vareg.backend.register.PublicRegister;
import tools.jackson.databind.json.JsonMapper;

/** One step of an emission's history (¶57-66) for the timeline: its public changes as name → text. */
public record HistoryItem(long sequence, String type, String paragraph, String actorRole, Instant occurredAt, Map<String, String> changes) {

    static HistoryItem of(PublicRegister.HistoryEntry h) {
        Map<String, String> changes = new LinkedHashMap<>();
        try {
            Map<?, ?> m = JsonMapper.shared().readValue(h.changes(), Map.class);
            m.forEach((k, v) -> {
                if (!(v instanceof Map<?, ?>) && !(v instanceof java.util.List<?>)) changes.put(String.valueOf(k), String.valueOf(v));
            });
        } catch (RuntimeException e) {
            // a history payload that is not an object is shown without details
        }
        return new HistoryItem(h.sequence(), h.type(), h.paragraph(), h.actorRole(), h.occurredAt(), changes);
    }
}
