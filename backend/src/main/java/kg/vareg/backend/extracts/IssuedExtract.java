package kg.vareg.backend.extracts;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An issued extract as recorded in the journal (for its verification page). */
public record IssuedExtract(UUID extractId, String registrationNumber, String pdfSha256, String language, Instant issuedAt, long journalId,
        Map<String, String> entry) {}
