package kg.vareg.backend.security;

import kg.vareg.backend.kernel.ActorRole;
import java.util.LinkedHashMap;
import java.util.Map;
import kg.vareg.backend.register.Commitments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who acted, committed for the journal: {@code "sha256:" + hex(SHA-256(salt ‖ canonical JSON of the username))}.
 * The public log shows only the role and this commitment (staff names are not published); the salt stays in
 * {@code registry.actor_commitment}, so the regulator can prove which account acted.
 */
@Component
public class ActorCommitments {
    private final JdbcTemplate jdbc;

    ActorCommitments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String commit(String username) {
        byte[] salt = Commitments.newSalt();
        String c = Commitments.commit(salt, username);
        jdbc.update("INSERT INTO registry.actor_commitment (commitment, username, salt) VALUES (?, ?, ?)", c, username, salt);
        return c;
    }

    /** The commitments of a change: its actor, and under four-eyes the confirming staff member. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, String> forChange(CurrentActor actor, java.util.Optional<FourEyes.Confirmation> confirmation) {
        Map<String, String> m = new LinkedHashMap<>();
        if (actor.role() != ActorRole.SYSTEM) m.put("actor", commit(actor.username()));
        confirmation.ifPresent(c -> m.put("confirmedBy", commit(c.confirmer().username())));
        return m;
    }

    /** Opens a commitment: the username it commits to, if the register made it. */
    public java.util.Optional<String> open(String commitment) {
        return jdbc.query("SELECT username, salt FROM registry.actor_commitment WHERE commitment = ?",
                (rs, i) -> Commitments.commit(rs.getBytes(2), rs.getString(1)).equals(commitment) ? rs.getString(1) : null,
                commitment).stream().filter(java.util.Objects::nonNull).findFirst();
    }
}
