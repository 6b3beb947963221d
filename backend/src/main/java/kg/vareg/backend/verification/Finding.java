package kg.vareg.backend.verification;

import java.time.Instant;

/** A stored finding, open or closed. {@code tokenAddress} is "" for a finding about the chain itself. */
public record Finding(
        long id,
        long chainId,
        String tokenAddress,
        String registrationNumber,
        FindingKind kind,
        String subject,
        Severity severity,
        String paragraph,
        boolean open,
        Long block,
        String txHash,
        String detail,
        Instant openedAt,
        Instant updatedAt,
        Instant closedAt) {}
