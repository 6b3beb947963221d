package kg.vareg.backend.web;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Stands in while no on-chain verifier results are wired into the pages: every emission is "not yet verified".
 * TODO(web): adapt kg.vareg.backend.verification (branch verifier) once it is on main.
 */
@Component
class NoVerifierYet implements OnChainState {
    @Override
    public Optional<Snapshot> of(UUID emissionId) {
        return Optional.empty();
    }
}
