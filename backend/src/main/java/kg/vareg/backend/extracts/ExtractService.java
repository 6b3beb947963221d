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
 * Issues register extracts (¶61: the electronic register produces its documents on paper). Each extract gets an
 * id, a QR code to its verification page, and — in the same transaction — one journal row
 * {@code RegisterExtractIssued} carrying the PDF's SHA-256 and the ¶62 content printed on it, so anyone holding
 * the paper or the file can later check it against the register and, through the Merkle log, against the chain.
 * Extracts are public (¶66: only public fields, never founders' data); the journal's actor is the register itself.
 */
@Service
public class ExtractService {
    public static final String RECORD_TYPE = "RegisterExtractIssued";

    private final PublicRegister register;
    private final JournalWriter journal;
    private final JournalReader reader;
    private final MessageSource messages;
    private final Clock clock;
    private final ExtractPdf pdf;

    ExtractService(PublicRegister register, JournalWriter journal, JournalReader reader, MessageSource messages, Clock clock,
            @Value("${vareg.extracts.font:/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf}") String fontPath) {
        this.register = register;
        this.journal = journal;
        this.reader = reader;
        this.messages = messages;
        this.clock = clock;
        this.pdf = ExtractPdf.withFont(fontPath);
    }

    /** Builds, hashes and journals an extract of the entry {@code number} in {@code locale}; baseUrl is the site's public URL. */
    @Transactional
    public RegisterExtract issue(String number, Locale requested, String baseUrl) {
        RegisterEntry e = register.byNumber(number)
                .orElseThrow(() -> new NotFoundException("no emission with number " + number + " in the register"));
        Locale locale = pdf.unicode() ? requested : Locale.ENGLISH;
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Map<String, String> entry = ExtractContent.of(e);
        Map<String, String> labelled = new LinkedHashMap<>();
        entry.forEach((k, v) -> labelled.put(msg("extract.field." + k, locale), ExtractContent.display(k, v, locale, messages)));
        String url = baseUrl.replaceAll("/+$", "") + "/verify/extract/" + id;
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
        return new RegisterExtract(id, e.registrationNumber(), bytes, sha, journalId, now);
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
