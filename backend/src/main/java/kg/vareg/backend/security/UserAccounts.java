package kg.vareg.backend.security;

import kg.vareg.backend.kernel.ActorRole;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Database users with hashed passwords (bcrypt via the delegating encoder) and one role each. */
@Service
public class UserAccounts {
    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;

    UserAccounts(JdbcTemplate jdbc, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    public record Account(String username, ActorRole role, Optional<UUID> issuerId, boolean enabled) {}

    @Transactional
    public Account create(String username, String rawPassword, ActorRole role, UUID issuerId) {
        if (role == ActorRole.SYSTEM) throw new IllegalArgumentException("SYSTEM is not a user role");
        if (rawPassword == null || rawPassword.length() < 12) {
            throw new kg.vareg.backend.api.InvalidFieldException("password", "at least 12 characters");
        }
        try {
            jdbc.update("INSERT INTO registry.app_user (username, password_hash, role, issuer_id) VALUES (?, ?, ?, ?)",
                    username, encoder.encode(rawPassword), role.name(), issuerId);
        } catch (DuplicateKeyException e) {
            throw new kg.vareg.backend.api.ConflictException("user " + username + " exists");
        }
        return new Account(username, role, Optional.ofNullable(issuerId), true);
    }

    public boolean any() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM registry.app_user)", Boolean.class));
    }

    Optional<StoredUser> find(String username) {
        return jdbc.query("SELECT username, password_hash, role, issuer_id, enabled, must_change_password, totp_secret,"
                        + " credentials_version FROM registry.app_user WHERE username = ?",
                (rs, i) -> new StoredUser(rs.getString(1), rs.getString(2), ActorRole.valueOf(rs.getString(3)),
                        Optional.ofNullable(rs.getObject(4, UUID.class)), rs.getBoolean(5), rs.getBoolean(6),
                        Optional.ofNullable(rs.getString(7)), rs.getLong(8)), username).stream().findFirst();
    }

    /** What an open session must still match at every request: enabled, same credentials version (issue 14). */
    public Optional<Status> status(String username) {
        return jdbc.query("SELECT enabled, credentials_version, must_change_password FROM registry.app_user WHERE username = ?",
                (rs, i) -> new Status(rs.getBoolean(1), rs.getLong(2), rs.getBoolean(3)), username).stream().findFirst();
    }

    public record Status(boolean enabled, long credentialsVersion, boolean mustChangePassword) {}

    record StoredUser(String username, String passwordHash, ActorRole role, Optional<UUID> issuerId, boolean enabled,
            boolean mustChangePassword, Optional<String> totpSecret, long credentialsVersion) {}
}
