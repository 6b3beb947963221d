package kg.vareg.backend.extracts;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A register extract as issued (¶61: the register can produce its documents on paper): the PDF, its SHA-256 and
 * the journal row that recorded that hash, so a paper copy can be checked later through its QR code.
 */
public record RegisterExtract(UUID extractId, String registrationNumber, byte[] pdf, String pdfSha256, long journalId,
        Instant issuedAt) {}
