package kg.vareg.backend.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kg.vareg.backend.accounts.AccountJournal.Action;
import kg.vareg.backend.kernel.ActorRole;
import kg.vareg.backend.security.CurrentActor;
import kg.vareg.backend.security.Totp;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account administration (issue 14, docs/operations.md "Accounts"). Only an ADMINISTRATOR manages accounts: staff
 * (REGISTRAR, SUPERVISOR, ADMINISTRATOR) and ISSUER accounts bound to exactly one recorded issuer. New and reset
 * accounts get a one-time password (shown once, never stored in clear, never logged) that must be changed at the
 * first login. Nobody changes their own role or disables themselves; the last enabled administrator can be neither
 * disabled nor demoted. Disabling, resetting and role changes raise the account's credentials version, so its open
 * sessions end at their next request. Every change is written to {@link AccountJournal} in the same transaction;
 * bad input is an {@link AccountError} on its field, checked before anything is written.
 */
@Service
public class AccountAdministration {
    private static final String USERNAME = "^[a-z0-9._-]{3,64}$";
    private static final String COLUMNS = "username, role, issuer_id, enabled, must_change_password, totp_secret IS NOT NULL, created_at";
    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final AccountJournal journal;
    private final Clock clock;

    AccountAdministration(JdbcTemplate jdbc, PasswordEncoder encoder, AccountJournal journal, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.journal = journal;
        this.clock = clock;
    }

    public record AccountView(String username, ActorRole role, Optional<UUID> issuerId, boolean enabled,
            boolean mustChangePassword, boolean totp, Instant createdAt) {}

    /** An account and its one-time password (to hand over once; the register keeps only its hash). */
    public record Issued(AccountView account, String oneTimePassword) {}

    public record AccountPage(List<AccountView> items, int page, int size, long totalItems) {}

    private static final RowMapper<AccountView> VIEW = (rs, i) -> new AccountView(rs.getString(1), ActorRole.valueOf(rs.getString(2)),
            Optional.ofNullable(rs.getObject(3, UUID.class)), rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6),
            rs.getTimestamp(7).toInstant());

    @Transactional(readOnly = true)
    public AccountPage list(CurrentActor actor, Optional<String> search, int page, int size) {
        requireAdministrator(actor);
        int p = Math.max(0, page);
        int s = Math.min(Math.max(1, size), 200);
        String like = "%" + search.map(String::strip).orElse("").toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<AccountView> items = jdbc.query("SELECT " + COLUMNS + " FROM registry.app_user WHERE username LIKE ? ORDER BY username"
                + " LIMIT ? OFFSET ?", VIEW, like, s, (long) p * s);
        Long total = jdbc.queryForObject("SELECT count(*) FROM registry.app_user WHERE username LIKE ?", Long.class, like);
        return new AccountPage(items, p, s, total == null ? 0 : total);
    }

    @Transactional(readOnly = true)
    public AccountView get(CurrentActor actor, String username) {
        requireAdministrator(actor);
        return find(username).orElseThrow(() -> unknown(username));
    }

    /** Creates an account; {@code password} empty → a generated one-time password. Must be changed at first login. */
    @Transactional
    public Issued create(CurrentActor actor, String username, ActorRole role, UUID issuerId, Optional<String> password) {
        requireAdministrator(actor);
        if (username == null || username.isBlank()) throw new AccountError("username", "required", "required");
        if (!username.matches(USERNAME)) {
            throw new AccountError("username", "usernameFormat", "3-64 characters: lower-case letters, digits, '.', '_', '-'");
        }
        checkRole(role, issuerId);
        if (find(username).isPresent()) throw new AccountError("username", "usernameTaken", "an account with this user name exists");
        String secret = password.filter(s -> !s.isEmpty()).orElseGet(PasswordPolicy::oneTime);
        PasswordPolicy.check("password", username, secret);
        try {
            jdbc.update("INSERT INTO registry.app_user (username, password_hash, role, issuer_id, must_change_password, updated_at)"
                    + " VALUES (?, ?, ?, ?, TRUE, ?)", username, encoder.encode(secret), role.name(), issuerId, now());
        } catch (DuplicateKeyException e) {
            throw new AccountError("username", "usernameTaken", "an account with this user name exists");
        }
        journal.record(actor, Action.CREATED, username, roleDetails(role, issuerId));
        return new Issued(find(username).orElseThrow(), secret);
    }

    @Transactional
    public AccountView disable(CurrentActor actor, String username) {
        requireAdministrator(actor);
        AccountView a = locked(username);
        if (a.username().equals(actor.username())) throw new AccountError("username", "self", "you cannot disable your own account");
        if (!a.enabled()) throw new AccountError("username", "alreadyDisabled", "the account is already disabled");
        if (a.role() == ActorRole.ADMINISTRATOR) requireAnotherAdministrator(username);
        jdbc.update("UPDATE registry.app_user SET enabled = FALSE, credentials_version = credentials_version + 1, updated_at = ?"
                + " WHERE username = ?", now(), username);
        journal.record(actor, Action.DISABLED, username, Map.of());
        return find(username).orElseThrow();
    }

    @Transactional
    public AccountView enable(CurrentActor actor, String username) {
        requireAdministrator(actor);
        AccountView a = locked(username);
        if (a.enabled()) throw new AccountError("username", "alreadyEnabled", "the account is already enabled");
        jdbc.update("UPDATE registry.app_user SET enabled = TRUE, updated_at = ? WHERE username = ?", now(), username);
        journal.record(actor, Action.ENABLED, username, Map.of());
        return find(username).orElseThrow();
    }

    /** A new one-time password (must be changed at the next login); also removes the TOTP factor (a lost device). */
    @Transactional
    public Issued resetPassword(CurrentActor actor, String username) {
        requireAdministrator(actor);
        AccountView a = locked(username);
        if (a.username().equals(actor.username())) {
            throw new AccountError("username", "self", "change your own password on your account page");
        }
        if (!a.enabled()) throw new AccountError("username", "disabled", "the account is disabled: enable it first");
        String secret = PasswordPolicy.oneTime();
        jdbc.update("UPDATE registry.app_user SET password_hash = ?, must_change_password = TRUE, totp_secret = NULL,"
                + " credentials_version = credentials_version + 1, updated_at = ? WHERE username = ?", encoder.encode(secret), now(), username);
        journal.record(actor, Action.PASSWORD_RESET, username, Map.of("totpRemoved", a.totp()));
        return new Issued(find(username).orElseThrow(), secret);
    }

    @Transactional
    public AccountView changeRole(CurrentActor actor, String username, ActorRole role, UUID issuerId) {
        requireAdministrator(actor);
        AccountView a = locked(username);
        if (a.username().equals(actor.username())) throw new AccountError("role", "ownRole", "nobody changes their own role");
        checkRole(role, issuerId);
        if (a.role() == role && a.issuerId().equals(Optional.ofNullable(issuerId))) {
            throw new AccountError("role", "sameRole", "the account already has this role");
        }
        if (a.role() == ActorRole.ADMINISTRATOR && a.enabled()) requireAnotherAdministrator(username);
        jdbc.update("UPDATE registry.app_user SET role = ?, issuer_id = ?, totp_secret = CASE WHEN ? = 'ISSUER' THEN NULL ELSE totp_secret END,"
                + " credentials_version = credentials_version + 1, updated_at = ? WHERE username = ?",
                role.name(), issuerId, role.name(), now(), username);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", a.role().name());
        a.issuerId().ifPresent(i -> details.put("fromIssuerId", i.toString()));
        details.putAll(roleDetails(role, issuerId));
        journal.record(actor, Action.ROLE_CHANGED, username, details);
        return find(username).orElseThrow();
    }

    /** The logged-in account sets its own password (also the way out of a one-time password). */
    @Transactional
    public void changeOwnPassword(CurrentActor actor, String currentPassword, String newPassword) {
        String hash = jdbc.query("SELECT password_hash FROM registry.app_user WHERE username = ? AND enabled FOR UPDATE",
                (rs, i) -> rs.getString(1), actor.username()).stream().findFirst()
                .orElseThrow(() -> new AccountError("username", "unknown", "no such enabled account"));
        if (currentPassword == null || !encoder.matches(currentPassword, hash)) {
            throw new AccountError("currentPassword", "currentWrong", "the current password is wrong");
        }
        if (newPassword != null && newPassword.equals(currentPassword)) {
            throw new AccountError("newPassword", "passwordSame", "choose a password different from the current one");
        }
        PasswordPolicy.check("newPassword", actor.username(), newPassword);
        jdbc.update("UPDATE registry.app_user SET password_hash = ?, must_change_password = FALSE,"
                + " credentials_version = credentials_version + 1, updated_at = ? WHERE username = ?",
                encoder.encode(newPassword), now(), actor.username());
        journal.record(actor, Action.PASSWORD_CHANGED, actor.username(), Map.of());
    }

    /** Staff only: turns the TOTP second factor on once a code from the authenticator app matches the new secret. */
    @Transactional
    public void enableTotp(CurrentActor actor, String secret, String code) {
        if (actor.role() == ActorRole.ISSUER || actor.role() == ActorRole.SYSTEM) {
            throw new AccessDeniedException("the second factor is for regulator staff");
        }
        if (secret == null || !secret.matches("[A-Z2-7]{32}")) throw new AccountError("secret", "totpSecret", "not a secret of this page");
        if (!Totp.verify(secret, code, Instant.now())) throw new AccountError("code", "totpCode", "the code does not match; check the phone's time");
        int n = jdbc.update("UPDATE registry.app_user SET totp_secret = ?, updated_at = ? WHERE username = ? AND enabled",
                secret, now(), actor.username());
        if (n != 1) throw new AccountError("username", "unknown", "no such enabled account");
        journal.record(actor, Action.TOTP_ENABLED, actor.username(), Map.of());
    }

    @Transactional(readOnly = true)
    public Optional<AccountView> own(CurrentActor actor) {
        return find(actor.username());
    }

    /** First start: the administrator named in the configuration, when there is no administrator yet. */
    @Transactional
    public boolean bootstrap(String username, String password) {
        Long admins = jdbc.queryForObject("SELECT count(*) FROM registry.app_user WHERE role = 'ADMINISTRATOR'", Long.class);
        if (admins != null && admins > 0) return false;
        if (!username.matches(USERNAME)) throw new AccountError("username", "usernameFormat", "bootstrap administrator: bad user name");
        PasswordPolicy.check("password", username, password);
        if (find(username).isPresent()) throw new AccountError("username", "usernameTaken", "bootstrap administrator: the name is taken");
        jdbc.update("INSERT INTO registry.app_user (username, password_hash, role, updated_at) VALUES (?, ?, 'ADMINISTRATOR', ?)",
                username, encoder.encode(password), now());
        journal.record(CurrentActor.system(), Action.BOOTSTRAPPED, username, Map.of("role", "ADMINISTRATOR"));
        return true;
    }

    private void checkRole(ActorRole role, UUID issuerId) {
        if (role == null) throw new AccountError("role", "required", "required");
        if (role == ActorRole.SYSTEM) throw new AccountError("role", "roleInvalid", "not an account role");
        if (role == ActorRole.ISSUER) {
            if (issuerId == null) throw new AccountError("issuerId", "issuerRequired", "an issuer account needs its issuer");
            Boolean known = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM registry.issuer WHERE id = ?)", Boolean.class, issuerId);
            if (!Boolean.TRUE.equals(known)) throw new AccountError("issuerId", "issuerUnknown", "no issuer with this id");
        } else if (issuerId != null) {
            throw new AccountError("issuerId", "issuerNotAllowed", "only an issuer account belongs to an issuer");
        }
    }

    private static Map<String, Object> roleDetails(ActorRole role, UUID issuerId) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("role", role.name());
        if (issuerId != null) d.put("issuerId", issuerId.toString());
        return d;
    }

    /** Locks every enabled administrator row, so two concurrent disables cannot both pass the check. */
    private void requireAnotherAdministrator(String username) {
        List<String> admins = jdbc.queryForList("SELECT username FROM registry.app_user WHERE role = 'ADMINISTRATOR' AND enabled"
                + " ORDER BY username FOR UPDATE", String.class);
        if (admins.stream().noneMatch(a -> !a.equals(username))) {
            throw new AccountError("username", "lastAdministrator", "the last administrator cannot be disabled or lose the role");
        }
    }

    private static void requireAdministrator(CurrentActor actor) {
        if (actor.role() != ActorRole.ADMINISTRATOR) throw new AccessDeniedException("only an administrator manages accounts");
    }

    /**
     * The target account locked for the command. Every administrator row is locked first, always in the same order,
     * so two administrators disabling each other at once neither deadlock nor both succeed (the second sees itself
     * as the last administrator).
     */
    private AccountView locked(String username) {
        if (username == null) throw unknown(null);
        jdbc.queryForList("SELECT username FROM registry.app_user WHERE role = 'ADMINISTRATOR' ORDER BY username FOR UPDATE", String.class);
        return jdbc.query("SELECT " + COLUMNS + " FROM registry.app_user WHERE username = ? FOR UPDATE", VIEW, username)
                .stream().findFirst().orElseThrow(() -> unknown(username));
    }

    private Optional<AccountView> find(String username) {
        return jdbc.query("SELECT " + COLUMNS + " FROM registry.app_user WHERE username = ?", VIEW, username).stream().findFirst();
    }

    private static AccountError unknown(String username) {
        return new AccountError("username", "unknown", "no such account");
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
