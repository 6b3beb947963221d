package kg.vareg.backend.extracts;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kg.vareg.backend.api.NotFoundException;
import kg.vareg.backend.register.Commitments;
import kg.vareg.backend.register.JournalReader;
import org.springframework.jdbc.core.JdbcTemplate;
import kg.vareg.backend.register.JournalRecord;
import kg.vareg.backend.register.JournalWriter;
import kg.vareg.backend.register.PublicRegister;
import kg.vareg.backend.register.RegisterEntry;
import kg.vareg.backend.kernel.ActorRole;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issues register extracts (¶61: the electronic register produces its documents on paper). An extract is issued
 * deliberately (a POST, rate limited) and is then a stored file: the same register content (¶62) in the same language
 * is the same extract — same id, same bytes — so downloading or re-requesting it writes nothing (issue 15 item 3). A
 * new extract gets an id, a QR code to its verification page on the CONFIGURED public base URL (never the request's
 * Host), and — in the same transaction — one journal row {@code RegisterExtractIssued} carrying the PDF's SHA-256 and
 * the content printed on it, so anyone holding the paper or the file can later check it against the register and,
 * through the Merkle log, against the chain. Extracts are public (¶66: only public fields, never founders' data); the
 * journal's actor is the register itself.
 */
@Service
public class ExtractService {
    public static final String RECORD_TYPE = "RegisterExtractIssued";

    private final PublicRegister register;
    private final JournalWriter journal;
    private final JournalReader reader;
    private final JdbcTemplate jdbc;
    private final MessageSource messages;
    private final Clock clock;
    private final ExtractPdf pdf;
    private final PublicBaseUrl baseUrl;

    ExtractService(PublicRegister register, JournalWriter journal, JournalReader reader, JdbcTemplate jdbc, MessageSource messages, Clock clock,
            @Value("${vareg.extracts.font:/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf}") String fontPath, PublicBaseUrl baseUrl) {
        this.register = register;
        this.journal = journal;
        this.reader = reader;
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
        this.pdf = ExtractPdf.withFont(fontPath);
        this.baseUrl = baseUrl;
    }

    /**
     * The extract of the entry {@code number} in {@code locale} as the register stands now: the one already issued for
     * this content and language, else a new one (built, hashed, journaled and stored in this transaction).
     */
    @Transactional
    public RegisterExtract issue(String number, Locale requested) {
        RegisterEntry e = register.byNumber(number)
                .orElseThrow(() -> new NotFoundException("no emission with number " + number + " in the register"));
        Locale locale = pdf.unicode() ? requested : Locale.ENGLISH;
        Map<String, String> entry = ExtractContent.of(e);
        String contentSha = Commitments.sha256Hex(Commitments.canonicalText(new LinkedHashMap<>(entry))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        // One issuer of an extract per entry at a time: a concurrent identical request waits and then reuses it.
        jdbc.query("SELECT pg_advisory_xact_lock(hashtext('register_extract:' || ?))", rs -> null, e.registrationNumber());
        Optional<RegisterExtract> existing = stored(e.registrationNumber(), locale.getLanguage(), contentSha);
        if (existing.isPresent()) return existing.get();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Map<String, String> labelled = new LinkedHashMap<>();
        entry.forEach((k, v) -> labelled.put(msg("extract.field." + k, locale), ExtractContent.display(k, v, locale, messages)));
        String url = baseUrl.get() + "/verify/extract/" + id;
        byte[] bytes = pdf.render(msg("extract.title", locale),
                messages.getMessage("extract.issued", new Object[] {ExtractContent.dateTime(now, locale), id}, locale),
                labelled, url, messages.getMessage("extract.qr", new Object[] {url}, locale));
        String sha = Commitments.sha256Hex(bytes);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("extractId", id.toString());
        changes.put("pdfSha256", sha);
        changes.put("language", locale.getLanguage());
        changes.put("entry", entry);
        long journalId = journal.append(new JournalRecord(RECORD_TYPE,
                JournalRecord.subject(e.emissionId(), e.issuer().id(), e.registrationNumber()), now, ActorRole.SYSTEM,
                List.of(Map.of("type", RECORD_TYPE, "paragraph", "¶61", "changes", changes)), Map.of(),
                List.of(Map.of("kind", "REGISTER_EXTRACT", "sha256", sha))));
        jdbc.update("INSERT INTO registry.register_extract (id, registration_number, language, content_sha256, pdf, pdf_sha256,"
                        + " journal_id, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, e.registrationNumber(),
                locale.getLanguage(), contentSha, bytes, sha, journalId, java.sql.Timestamp.from(now));
        return new RegisterExtract(id, e.registrationNumber(), bytes, sha, journalId, now);
    }

    private Optional<RegisterExtract> stored(String number, String language, String contentSha) {
        return jdbc.query("SELECT id, registration_number, pdf, pdf_sha256, journal_id, issued_at FROM registry.register_extract"
                        + " WHERE registration_number = ? AND language = ? AND content_sha256 = ?", ExtractService::row,
                number, language, contentSha).stream().findFirst();
    }

    /** A stored extract's file (reading writes nothing). */
    @Transactional(readOnly = true)
    public Optional<RegisterExtract> file(UUID extractId) {
        return jdbc.query("SELECT id, registration_number, pdf, pdf_sha256, journal_id, issued_at FROM registry.register_extract"
                + " WHERE id = ?", ExtractService::row, extractId).stream().findFirst();
    }

    private static RegisterExtract row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new RegisterExtract(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3), rs.getString(4), rs.getLong(5),
                rs.getTimestamp(6).toInstant());
    }

    /** The journal's record of an issued extract. */
    @Transactional(readOnly = true)
    public Optional<IssuedExtract> find(UUID extractId) {
        // By the indexed extract id (JournalWriter, registry V80): one index probe, not a parse of every row.
        return reader.extract(extractId).map(row -> {
            Map<?, ?> record = JsonMapper.shared().readValue(row.canonical(), Map.class);
            Map<?, ?> changes = (Map<?, ?>) ((Map<?, ?>) ((List<?>) record.get("events")).getFirst()).get("changes");
            Map<String, String> entry = new LinkedHashMap<>();
            ((Map<?, ?>) changes.get("entry")).forEach((k, v) -> entry.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
            return new IssuedExtract(extractId, String.valueOf(((Map<?, ?>) record.get("subject")).get("registrationNumber")),
                    String.valueOf(changes.get("pdfSha256")), String.valueOf(changes.get("language")),
                    Instant.parse(String.valueOf(record.get("at"))), row.id(), entry);
        });
    }

    private String msg(String key, Locale l) {
        return messages.getMessage(key, null, key, l);
    }
}
