package kg.vareg.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The demo's logins (issue 14 item 5): on the first {@code --demo} start, a generated password for each role is
 * written to {@code demo-accounts.properties} in the data folder, owner-only (0600), and printed once; the backend
 * creates the accounts from that file ({@code vareg.demo.accounts-file}). Later starts only name the file.
 */
final class DemoLogins {
    static final Map<String, String> USERS = new LinkedHashMap<>();

    static {
        USERS.put("ADMINISTRATOR", "demo.admin");
        USERS.put("REGISTRAR", "demo.registrar");
        USERS.put("REGISTRAR2", "demo.registrar2");
        USERS.put("SUPERVISOR", "demo.supervisor");
        USERS.put("ISSUER", "demo.issuer");
    }

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private DemoLogins() {}

    static Path ensure(Path data, Consumer<String> say) {
        Path file = data.resolve("demo-accounts.properties");
        if (Files.isRegularFile(file)) {
            say.accept("Demo logins: see " + file + " (owner-only)");
            return file;
        }
        SecureRandom random = new SecureRandom();
        StringBuilder text = new StringBuilder("# vareg demo logins (generated; owner-only). Log in at /login.\n");
        StringBuilder shown = new StringBuilder("Demo logins (shown once; kept in " + file + "):\n");
        USERS.forEach((role, user) -> {
            StringBuilder pw = new StringBuilder();
            for (int i = 0; i < 20; i++) pw.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            text.append(role).append(".username=").append(user).append('\n').append(role).append(".password=").append(pw).append('\n');
            shown.append(String.format("  %-14s %-18s %s%n", role.toLowerCase().replace("2", " (2nd)"), user, pw));
        });
        try {
            Files.createDirectories(data);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write(text.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        say.accept(shown.toString().stripTrailing());
        return file;
    }
}
