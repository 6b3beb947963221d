package kg.vareg.backend.security;

import kg.vareg.backend.kernel.ActorRole;
import java.time.Instant;
import java.util.UUID;

/** A decision proposed by one staff member, waiting for a second one (four-eyes). */
public record Proposal(UUID id, UUID emissionId, Decision decision, String payload, String payloadSha256,
        long emissionVersion, String proposedBy, ActorRole proposedRole, Instant proposedAt, String status) {}
