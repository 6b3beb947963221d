package kg.vareg.backend.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kg.vareg.backend.register.PublicRegister;
import kg.vareg.backend.register.RegisterEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register page's search: the public API's filters plus a free-text issuer name and a registration date
 * range. Only emissions that have a number are in the register (¶3, ¶57); each hit is read through
 * {@link PublicRegister#byNumber} so the page shows exactly the ¶62 fields the public API does (¶66).
 */
@Component
class RegisterSearch {
    private final JdbcTemplate jdbc;
    private final PublicRegister register;

    RegisterSearch(JdbcTemplate jdbc, PublicRegister register) {
        this.jdbc = jdbc;
        this.register = register;
    }

    public record Filter(Optional<String> number, Optional<String> issuer, Optional<String> tokenAddress, Optional<String> state,
            Optional<String> type, Optional<LocalDate> registeredFrom, Optional<LocalDate> registeredTo) {}

    public record Result(List<RegisterEntry> items, int page, int size, long total) {
        public int pages() {
            return (int) ((total + size - 1) / size);
        }
    }

    @Transactional(readOnly = true)
    Result search(Filter f, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> args = new ArrayList<>();
        f.number().ifPresent(v -> { where.append(" AND n.number LIKE ?"); args.add(like(v.toUpperCase())); });
        f.issuer().ifPresent(v -> {
            where.append(" AND (i.full_name ILIKE ? OR i.issuer_code = ?)");
            args.add(like(v));
            args.add(v.toUpperCase());
        });
        f.tokenAddress().ifPresent(v -> { where.append(" AND lower(e.token_address) = lower(?)"); args.add(v); });
        f.state().ifPresent(v -> { where.append(" AND e.state = ?"); args.add(v); });
        f.type().ifPresent(v -> { where.append(" AND e.va_type = ?"); args.add(v); });
        f.registeredFrom().ifPresent(v -> { where.append(" AND e.registered_on >= ?"); args.add(v); });
        f.registeredTo().ifPresent(v -> { where.append(" AND e.registered_on <= ?"); args.add(v); });
        String from = " FROM registry.registration_number n JOIN registry.emission e ON e.id = n.emission_id"
                + " JOIN registry.issuer i ON i.id = e.issuer_id";
        long total = jdbc.queryForObject("SELECT count(*)" + from + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<String> numbers = jdbc.queryForList("SELECT n.number" + from + where
                + " ORDER BY n.assigned_on DESC, n.number LIMIT ? OFFSET ?", String.class, pageArgs.toArray());
        return new Result(numbers.stream().map(register::byNumber).flatMap(Optional::stream).toList(), page, size, total);
    }

    private static String like(String v) {
        return "%" + v.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
