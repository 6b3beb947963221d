package kg.vareg.backend.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The first administrator (docs/operations.md "First administrator"): with
 * {@code VAREG_SECURITY_BOOTSTRAP_ADMINISTRATOR_USERNAME} and {@code ..._PASSWORD} in the environment (never the
 * repository) and no administrator in the database yet, that account is created at start-up. Once an administrator
 * exists the settings are ignored; remove them from the environment after the first start.
 */
@Component
class BootstrapAdministrator implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);
    private final AccountAdministration accounts;
    private final String username;
    private final String password;

    BootstrapAdministrator(AccountAdministration accounts,
            @Value("${vareg.security.bootstrap-administrator.username:}") String username,
            @Value("${vareg.security.bootstrap-administrator.password:}") String password) {
        this.accounts = accounts;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (username.isBlank() || password.isBlank()) return;
        try {
            if (accounts.bootstrap(username, password)) log.info("created the first administrator account '{}'", username);
        } catch (AccountError e) {
            throw new IllegalStateException("bootstrap administrator: " + e.field() + " " + e.getMessage(), e);
        }
    }
}
