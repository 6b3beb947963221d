package kg.vareg.backend.security;

import kg.vareg.backend.kernel.ActorRole;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kg.vareg.backend.api.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The table {@code registry.decision_proposal} (V40). */
@Component
class ProposalStore {
    private static final String COLUMNS = "id, emission_id, decision, payload, payload_sha256, emission_version, proposed_by,"
            + " proposed_role, proposed_at, status";
    private final JdbcTemplate jdbc;

    ProposalStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Proposal> pending(UUID emissionId, Decision decision, boolean lock) {
        return jdbc.query("SELECT " + COLUMNS + " FROM registry.decision_proposal WHERE emission_id = ? AND decision = ?"
                + " AND status = 'PENDING'" + (lock ? " FOR UPDATE" : ""), ProposalStore::row, emissionId, decision.name())
                .stream().findFirst();
    }

    Optional<Proposal> get(UUID emissionId, UUID id, boolean lock) {
        return jdbc.query("SELECT " + COLUMNS + " FROM registry.decision_proposal WHERE emission_id = ? AND id = ?"
                + (lock ? " FOR UPDATE" : ""), ProposalStore::row, emissionId, id).stream().findFirst();
    }

    List<Proposal> of(UUID emissionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM registry.decision_proposal WHERE emission_id = ? ORDER BY proposed_at",
                ProposalStore::row, emissionId);
    }

    void insert(Proposal p) {
        try {
            jdbc.update("INSERT INTO registry.decision_proposal (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    p.id(), p.emissionId(), p.decision().name(), p.payload(), p.payloadSha256(), p.emissionVersion(),
                    p.proposedBy(), p.proposedRole().name(), Timestamp.from(p.proposedAt()), p.status());
        } catch (DuplicateKeyException e) {
            throw new ConflictException(p.decision() + " of this emission is already proposed by another staff member:"
                    + " confirm or withdraw that proposal (GET /api/v1/emissions/" + p.emissionId() + "/proposals)");
        }
    }

    void close(UUID id, String status, String by, Instant at) {
        int n = jdbc.update("UPDATE registry.decision_proposal SET status = ?, decided_by = ?, decided_at = ?"
                + " WHERE id = ? AND status = 'PENDING'", status, by, Timestamp.from(at), id);
        if (n != 1) throw new ConflictException("the proposal " + id + " is no longer pending");
    }

    private static Proposal row(ResultSet rs, int i) throws SQLException {
        return new Proposal(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), Decision.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7), ActorRole.valueOf(rs.getString(8)),
                rs.getTimestamp(9).toInstant(), rs.getString(10));
    }
}
