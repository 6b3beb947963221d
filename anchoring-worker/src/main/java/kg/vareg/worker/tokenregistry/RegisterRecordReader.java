package kg.vareg.worker.tokenregistry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kg.vareg.ledger.json.CanonicalJson;
import kg.vareg.ledger.json.JsonException;

/**
 * Reads what the TokenRegistry mirror needs from a journal record (format version 1, backend
 * {@code JournalRecord}): {@code subject.emission}, {@code subject.registrationNumber}, and from each
 * event's {@code changes} the new {@code state} and — on {@code EmissionRegistered} — the register
 * entry ({@code entry.tokenAddress}, {@code blockchain}, {@code vaType}, {@code onChainSupply}).
 * Records of other shapes (not about an emission) give nothing.
 */
final class RegisterRecordReader {

    private static final CanonicalJson JSON = CanonicalJson.standard();

    /** What one record says about one emission; absent fields did not change. */
    record Change(String emissionId, Optional<String> registrationNumber, Optional<String> state,
                  Optional<Map<String, Object>> entry) {
    }

    private RegisterRecordReader() {
    }

    static Optional<Change> read(byte[] canonicalJson) {
        Object parsed;
        try {
            parsed = JSON.parse(canonicalJson);
        } catch (JsonException e) {
            return Optional.empty();
        }
        if (!(parsed instanceof Map<?, ?> record) || !(record.get("subject") instanceof Map<?, ?> subject)
                || !(subject.get("emission") instanceof String emission)
                || !(record.get("events") instanceof List<?> events)) {
            return Optional.empty();
        }
        Optional<String> number = Optional.ofNullable(subject.get("registrationNumber")).map(String::valueOf);
        Optional<String> state = Optional.empty();
        Optional<Map<String, Object>> entry = Optional.empty();
        for (Object e : events) { // in order: the last state of the change wins
            if (e instanceof Map<?, ?> event && event.get("changes") instanceof Map<?, ?> changes) {
                if (changes.get("state") instanceof String s) {
                    state = Optional.of(s);
                }
                if (changes.get("registrationNumber") instanceof String n && number.isEmpty()) {
                    number = Optional.of(n);
                }
                if (changes.get("entry") instanceof Map<?, ?> en) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = (Map<String, Object>) en;
                    entry = Optional.of(typed);
                }
            }
        }
        if (state.isEmpty() && entry.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Change(emission, number, state, entry));
    }
}
