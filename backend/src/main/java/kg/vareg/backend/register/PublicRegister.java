package kg.vareg.backend.register;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kg.vareg.backend.api.PageResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register as the public reads it (¶57-66): only emissions that have a number (¶3, ¶57), with the public
 * ¶62 fields; founders' data never leaves (¶66). A read model in SQL over the register's tables.
 */
@Service
public class PublicRegister {
    private static final String SELECT = """
            SELECT n.number, n.status AS number_status, n.cancellation_basis, e.id, e.state, e.va_type, e.quantity, e.token_decimals,
                   e.nominal_value, e.nominal_currency, e.placement_price, e.placement_start, e.placement_end,
                   e.placement_started_on, e.actual_placement_end, e.placed_quantity, e.burned_quantity, e.blockchain,
                   e.issuer_wallet, e.token_address, e.white_paper_sha256, e.registered_on, e.number_cancelled_on,
                   i.id AS issuer_id, i.full_name, i.legal_form, i.state_registration_data, i.legal_address, i.issuer_code,
                   i.region, i.status AS issuer_status
              FROM registry.registration_number n
              JOIN registry.emission e ON e.id = n.emission_id
              JOIN registry.issuer i ON i.id = e.issuer_id
            """;

    private final JdbcTemplate jdbc;

    PublicRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Query(Optional<String> number, Optional<String> issuerCode, Optional<UUID> issuerId,
            Optional<String> tokenAddress, Optional<String> state, Optional<String> vaType) {}

    @Transactional(readOnly = true)
    public PageResponse<RegisterEntry> search(Query q, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> args = new ArrayList<>();
        q.number().ifPresent(v -> { where.append(" AND n.number = ?"); args.add(v.toUpperCase()); });
        q.issuerCode().ifPresent(v -> { where.append(" AND i.issuer_code = ?"); args.add(v.toUpperCase()); });
        q.issuerId().ifPresent(v -> { where.append(" AND i.id = ?"); args.add(v); });
        q.tokenAddress().ifPresent(v -> { where.append(" AND lower(e.token_address) = lower(?)"); args.add(v); });
        q.state().ifPresent(v -> { where.append(" AND e.state = ?"); args.add(v); });
        q.vaType().ifPresent(v -> { where.append(" AND e.va_type = ?"); args.add(v); });
        long total = jdbc.queryForObject("SELECT count(*) FROM registry.registration_number n JOIN registry.emission e ON e.id = n.emission_id"
                + " JOIN registry.issuer i ON i.id = e.issuer_id" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<RegisterEntry> items = jdbc.query(SELECT + where + " ORDER BY n.assigned_on DESC, n.number LIMIT ? OFFSET ?",
                (rs, i) -> map(rs), pageArgs.toArray());
        return new PageResponse<>(items, page, size, total, (int) ((total + size - 1) / size));
    }

    @Transactional(readOnly = true)
    public Optional<RegisterEntry> byNumber(String number) {
        return jdbc.query(SELECT + " WHERE n.number = ?", (rs, i) -> map(rs), number.toUpperCase()).stream().findFirst();
    }

    public record HistoryEntry(long sequence, String type, String paragraph, String actorRole, java.time.Instant occurredAt,
            String changes) {}

    @Transactional(readOnly = true)
    public List<HistoryEntry> history(UUID emissionId) {
        return jdbc.query("SELECT id, type, paragraph, actor_role, occurred_at, payload FROM registry.emission_event"
                        + " WHERE emission_id = ? ORDER BY id",
                (rs, i) -> new HistoryEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6)), emissionId);
    }

    public record WhitePaper(String fileName, String mediaType, String sha256, byte[] content) {}

    @Transactional(readOnly = true)
    public Optional<WhitePaper> whitePaper(UUID emissionId, String sha256) {
        return jdbc.query("SELECT file_name, media_type, sha256, content FROM registry.document WHERE emission_id = ? AND sha256 = ?"
                        + " AND kind IN ('WHITE_PAPER', 'WHITE_PAPER_CHANGE') ORDER BY uploaded_at DESC LIMIT 1",
                (rs, i) -> new WhitePaper(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4)), emissionId, sha256)
                .stream().findFirst();
    }

    private static RegisterEntry map(ResultSet rs) throws SQLException {
        var quantity = rs.getBigDecimal("quantity").toBigInteger();
        int decimals = rs.getInt("token_decimals");
        var placed = rs.getBigDecimal("placed_quantity");
        return new RegisterEntry(rs.getString("number"), rs.getString("number_status"), rs.getObject("id", UUID.class),
                rs.getString("state"), rs.getString("va_type"),
                new RegisterEntry.Issuer(rs.getObject("issuer_id", UUID.class), rs.getString("full_name"),
                        rs.getString("legal_form"), rs.getString("state_registration_data"), rs.getString("legal_address"),
                        rs.getString("issuer_code"), rs.getString("region"), rs.getString("issuer_status")),
                quantity.toString(), decimals, quantity.multiply(java.math.BigInteger.TEN.pow(decimals)).toString(),
                rs.getBigDecimal("nominal_value").stripTrailingZeros(), rs.getString("nominal_currency"),
                rs.getString("placement_price"), rs.getObject("placement_start", LocalDate.class),
                rs.getObject("placement_end", LocalDate.class), rs.getObject("placement_started_on", LocalDate.class),
                rs.getObject("actual_placement_end", LocalDate.class), placed == null ? null : placed.toBigInteger().toString(),
                rs.getBigDecimal("burned_quantity").toBigInteger().toString(), rs.getString("blockchain"),
                rs.getString("issuer_wallet"), rs.getString("token_address"), rs.getString("white_paper_sha256"),
                rs.getObject("registered_on", LocalDate.class), rs.getObject("number_cancelled_on", LocalDate.class),
                rs.getString("cancellation_basis"));
    }
}
