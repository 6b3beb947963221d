package kg.vareg.backend.demo;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;
import kg.vareg.backend.kernel.ActorRole;
import kg.vareg.backend.security.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo logins for every role (dev stack {@code --demo}, issue 14 item 5): the launcher generates the passwords and
 * keeps them in {@code ./data/demo-accounts.properties} (mode 0600, printed once); this reads that file
 * ({@code vareg.demo.accounts-file}) and creates each missing account — {@code <role>.username} /
 * {@code <role>.password} for ADMINISTRATOR, REGISTRAR, REGISTRAR2 (a second registrar, for four-eyes), SUPERVISOR
 * and ISSUER (bound to the demo stablecoin's issuer). Never logs a password. Runs after {@link DemoData}.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "vareg.demo.enabled", havingValue = "true")
class DemoAccounts implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);
    private final UserAccounts accounts;
    private final JdbcTemplate jdbc;
    private final String file;

    DemoAccounts(UserAccounts accounts, JdbcTemplate jdbc, @Value("${vareg.demo.accounts-file:}") String file) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.file = file;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (file.isBlank() || !Files.isRegularFile(Path.of(file))) return;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        for (String key : new String[] {"ADMINISTRATOR", "REGISTRAR", "REGISTRAR2", "SUPERVISOR", "ISSUER"}) {
            String username = p.getProperty(key + ".username");
            String password = p.getProperty(key + ".password");
            if (username == null || password == null || accounts.status(username).isPresent()) continue;
            ActorRole role = ActorRole.valueOf(key.replace("2", ""));
            UUID issuerId = role != ActorRole.ISSUER ? null : jdbc.queryForList(
                    "SELECT id FROM registry.issuer WHERE issuer_code = ?", UUID.class, DemoData.STABLECOIN_ISSUER).stream().findFirst().orElse(null);
            if (role == ActorRole.ISSUER && issuerId == null) continue;
            accounts.create(username, password, role, issuerId);
            log.info("demo account '{}' ({}) created", username, role);
        }
    }
}
