package kg.vareg.backend.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import kg.vareg.backend.register.JournalReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Check a document": which registered documents and issued extracts have this SHA-256. The browser computes the
 * hash; only the hash reaches the server, never the file. Only documents of emissions in the register and never
 * the private kinds (founders' questionnaires, founding documents, passports — ¶66) are matched, so the check
 * cannot be used to probe private files.
 */
@Component
class DocumentMatches {
    static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");
    private static final List<String> PRIVATE_KINDS = java.util.Arrays.stream(kg.vareg.backend.documents.DocumentKind.values())
            .filter(kg.vareg.backend.documents.DocumentKind::privateData).map(Enum::name).toList();

    private final JdbcTemplate jdbc;
    private final JournalReader journal;

    DocumentMatches(JdbcTemplate jdbc, JournalReader journal) {
        this.jdbc = jdbc;
        this.journal = journal;
    }

    record Match(String what, String kind, String registrationNumber, String fileName, Instant at, Long journalId) {}

    @Transactional(readOnly = true)
    List<Match> find(String sha256) {
        String h = sha256.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(h).matches()) throw new IllegalArgumentException("not a SHA-256 in hex");
        List<Match> out = new ArrayList<>();
        String notPrivate = PRIVATE_KINDS.isEmpty() ? "" : " AND d.kind NOT IN (" + String.join(",", PRIVATE_KINDS.stream().map(k -> "'" + k + "'").toList()) + ")";
        jdbc.query("SELECT d.kind, n.number, d.file_name, d.uploaded_at FROM registry.document d"
                        + " JOIN registry.registration_number n ON n.emission_id = d.emission_id"
                        + " WHERE d.sha256 = ?" + notPrivate + " ORDER BY d.uploaded_at",
                rs -> { out.add(new Match("document", rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), null)); }, h);
        // Issued extracts (¶61) by their PDF's hash: one probe of registry.journal_document (JournalWriter).
        for (JournalReader.ExtractLink x : journal.extractsWithPdf(HexFormat.of().parseHex(h))) {
            out.add(new Match("extract", "REGISTER_EXTRACT", x.registrationNumber(), null, x.createdAt(), x.id()));
        }
        return out;
    }
}
