package kg.vareg.backend.accounts;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Set;

/**
 * Password rules (NIST SP 800-63B §5.1.1.2: length and a block list, no composition rules): 12 to 72 bytes (bcrypt
 * reads at most 72), not one repeated character, not containing the user name, not a well-known password. One-time
 * passwords are 20 characters from an unambiguous alphabet (≈ 100 bits), generated with {@link SecureRandom}.
 */
public final class PasswordPolicy {
    static final int MIN = 12;
    static final int MAX_BYTES = 72;
    private static final Set<String> COMMON = Set.of("password1234", "123456789012", "qwertyuiopas", "passwordpassword",
            "administrator", "administrator1", "letmeinletmein", "iloveyou1234", "qwerty123456", "1234567890123",
            "changemechangeme", "welcome12345", "password12345", "vareg-password", "varegvareg12");
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {}

    /** Throws {@link AccountError} on the {@code field} if the password breaks a rule. */
    public static void check(String field, String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN) {
            throw new AccountError(field, "passwordShort", "at least " + MIN + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new AccountError(field, "passwordLong", "at most " + MAX_BYTES + " bytes");
        }
        if (password.chars().distinct().count() == 1) {
            throw new AccountError(field, "passwordWeak", "too easy to guess");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new AccountError(field, "passwordHasUsername", "must not contain the user name");
        }
        if (COMMON.contains(lower)) {
            throw new AccountError(field, "passwordWeak", "too easy to guess");
        }
    }

    public static String oneTime() {
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return sb.toString();
    }
}
