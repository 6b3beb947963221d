package kg.vareg.backend.exchanges;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * API keys of crypto exchanges (docs/exchange-api.md). A key reads {@code vrg_<keyId>_<secret>}: the key id
 * finds the row, the 256-bit secret is checked against its SHA-256 in constant time. Only the hash is
 * stored; the whole key is shown once, when issued. Revoked keys stop working at once.
 */
public final class ExchangeApiKeys {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final JdbcClient jdbc;
    private final Clock clock;

    ExchangeApiKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A freshly issued key: {@code key} is never stored and never shown again. */
    public record IssuedKey(long id, String keyId, String exchangeName, String key) {}

    public record KeyInfo(long id, String keyId, String exchangeName, Instant createdAt, String createdBy,
                          Instant revokedAt, Instant lastUsedAt) {}

    public IssuedKey issue(String exchangeName, String createdBy) {
        if (exchangeName == null || exchangeName.isBlank() || exchangeName.length() > 200) {
            throw new IllegalArgumentException("exchangeName: 1-200 characters");
        }
        byte[] idBytes = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(idBytes);
        RANDOM.nextBytes(secret);
        String keyId = HexFormat.of().formatHex(idBytes);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = jdbc.sql("""
                INSERT INTO registry.exchange_api_key (key_id, exchange_name, secret_sha256, created_at, created_by)
                VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(keyId, exchangeName.strip(), sha256(secretText), Timestamp.from(clock.instant()), createdBy)
                .query(Long.class).single();
        return new IssuedKey(id, keyId, exchangeName.strip(), "vrg_" + keyId + "_" + secretText);
    }

    /** The public key id inside a well-formed presented key ({@code vrg_<keyId>_<secret>}). */
    static String keyIdOf(String presented) {
        return presented.substring(4, 16);
    }

    /** The exchange a presented key belongs to, if the key is well-formed, known, matching and not revoked. */
    public Optional<String> authenticate(String presented) {
        if (presented == null || !presented.matches("vrg_[0-9a-f]{12}_[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        String keyId = keyIdOf(presented);
        String secret = presented.substring(17);
        record Row(String exchange, byte[] hash) {}
        Optional<Row> row = jdbc.sql("SELECT exchange_name, secret_sha256 FROM registry.exchange_api_key WHERE key_id = ? AND revoked_at IS NULL")
                .params(keyId).query((rs, i) -> new Row(rs.getString(1), rs.getBytes(2))).optional();
        if (row.isEmpty() || !MessageDigest.isEqual(row.get().hash(), sha256(secret))) {
            return Optional.empty();
        }
        jdbc.sql("UPDATE registry.exchange_api_key SET last_used_at = ? WHERE key_id = ?")
                .params(Timestamp.from(clock.instant()), keyId).update();
        return Optional.of(row.get().exchange());
    }

    /** @return false when there is no such key */
    public boolean revoke(long id, String by) {
        jdbc.sql("UPDATE registry.exchange_api_key SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(clock.instant()), by, id).update();
        return jdbc.sql("SELECT count(*) FROM registry.exchange_api_key WHERE id = ?").params(id).query(Long.class).single() == 1;
    }

    public List<KeyInfo> list() {
        return jdbc.sql("""
                SELECT id, key_id, exchange_name, created_at, created_by, revoked_at, last_used_at
                FROM registry.exchange_api_key ORDER BY id""")
                .query((rs, i) -> new KeyInfo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                        rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7))))
                .list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
