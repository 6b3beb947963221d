package kg.vareg.backend.register;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kg.vareg.backend.numbering.IssuerCode;
import kg.vareg.backend.numbering.Region;
import kg.vareg.backend.numbering.RegistrationNumber;
import kg.vareg.backend.numbering.SerialNumbers;
import kg.vareg.backend.numbering.VirtualAssetType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Allocates registration numbers (¶60, ¶67-68) from every number ever assigned to the issuer, so a serial is
 * never reused, and cancels them (¶35-36, ¶47). The table's keys and trigger enforce the same in the database.
 */
@Component
public class RegistrationNumbers {
    private final JdbcTemplate jdbc;

    RegistrationNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public RegistrationNumber allocate(UUID emissionId, VirtualAssetType type, IssuerCode issuer, Region region, LocalDate on) {
        // Serialise allocations for one issuer: concurrent registrations must not pick the same serial.
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(hashtext('registration_number:' || ?))", Object.class, issuer.value());
        List<RegistrationNumber> ever = jdbc.query("SELECT number FROM registry.registration_number WHERE issuer_code = ?",
                (rs, i) -> RegistrationNumber.parse(rs.getString(1)), issuer.value());
        RegistrationNumber number = SerialNumbers.nextNumber(type, issuer, region, ever);
        jdbc.update("INSERT INTO registry.registration_number (number, emission_id, issuer_code, serial, status, assigned_on)"
                + " VALUES (?, ?, ?, ?, 'ACTIVE', ?)", number.value(), emissionId, issuer.value(), number.serial(), on);
        return number;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void cancel(String number, LocalDate on, String basis) {
        int updated = jdbc.update("UPDATE registry.registration_number SET status = 'CANCELLED', cancelled_on = ?, cancellation_basis = ?"
                + " WHERE number = ? AND status = 'ACTIVE'", on, basis, number);
        if (updated != 1) {
            throw new IllegalStateException("registration number " + number + " is not active");
        }
    }

    public String status(String number) {
        return jdbc.queryForObject("SELECT status FROM registry.registration_number WHERE number = ?", String.class, number);
    }
}
