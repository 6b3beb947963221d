package kg.vareg.backend.security;

import java.time.Instant;
import java.util.UUID;

/** A four-eyes proposal as the API shows it to regulator staff (the proposer's account name is staff-internal). */
public record ProposalView(UUID id, UUID emissionId, String decision, String paragraph, String status, String proposedBy,
        String proposedRole, Instant proposedAt, long emissionVersion, String payload, String detail) {

    static ProposalView of(Proposal p) {
        return new ProposalView(p.id(), p.emissionId(), p.decision().name(), p.decision().paragraph(), p.status(),
                p.proposedBy(), p.proposedRole().name(), p.proposedAt(), p.emissionVersion(), p.payload(),
                "PENDING".equals(p.status())
                        ? "takes effect when a different registrar or supervisor sends the same decision (four-eyes)"
                        : null);
    }
}
