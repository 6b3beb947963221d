package kg.vareg.backend.exchanges;

import java.util.Map;
import java.util.Optional;

/**
 * The proof that ties a register entry to the latest anchored checkpoint (inclusion proof + signed
 * checkpoint + anchor transaction). Supplied by the anchoring/proof feature; until it is wired, the
 * exchange API says so in the {@code proof} field. TODO(integrator): adapter over the proof API of the
 * anchoring branch (docs/exchange-api.md, "proof").
 */
public interface RegisterEntryProofs {

    /** The proof for the latest journal entry of this emission, as a JSON-ready structure. */
    Optional<Map<String, Object>> latestFor(String registrationNumber);
}
