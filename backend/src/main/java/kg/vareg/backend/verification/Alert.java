package kg.vareg.backend.verification;

import java.time.Instant;

/** A supervisor alert: a finding opened or closed. {@code payload} is the JSON body the webhook receives. */
public record Alert(long id, long findingId, String transition, String payload, Instant createdAt, String webhookState,
                    int attempts, String lastError, Instant acknowledgedAt, String acknowledgedBy) {}
