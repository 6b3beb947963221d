package kg.vareg.backend.exchanges;

import java.util.Map;
import java.util.Optional;

/**
 * The proof that ties a register entry to the latest anchored checkpoint (inclusion proof + signed
 * checkpoint + anchor transaction), as the exchange API's {@code proof} field. Implemented by
 * {@link ProofApiRegisterEntryProofs} over the proof feature's facade (docs/exchange-api.md, "proof").
 */
public interface RegisterEntryProofs {

    /** The proof for the latest journal entry of this emission, as a JSON-ready structure. */
    Optional<Map<String, Object>> latestFor(String registrationNumber);
}
