package kg.vareg.backend.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import kg.vareg.backend.support.BackendIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The administrator's day in Chromium (issue 14): logs in, is refused an issuer account without its issuer (the error
 * next to the field, in the page's language), creates a second registrar and reads the one-time password once; the
 * registrar must set an own password before anything else, then works in the console; disabled by the administrator,
 * the registrar's open session ends at the next page. Same configuration as {@code AccountsIT} (shared context).
 */
@BackendIntegrationTest
@TestPropertySource(properties = {"vareg.security.bootstrap-administrator.username=admin.one",
        "vareg.security.bootstrap-administrator.password=first administrator passphrase"})
class AccountJourneysIT {
    private static final String ADMIN_PASSWORD = "first administrator passphrase";
    @LocalServerPort
    int port;
    static Browser browser;

    @BeforeAll
    static void open() throws Exception {
        browser = new Browser(0);
    }

    @AfterAll
    static void close() throws Exception {
        browser.close();
    }

    private void go(String path) {
        browser.driver.get("http://localhost:" + port + path);
    }

    private void login(String user, String password) {
        browser.driver.manage().deleteAllCookies();
        go("/login?lang=en");
        browser.type("username", user);
        browser.type("password", password);
        browser.submit("#login-submit");
    }

    @Test
    void administratorCreatesARegistrarWhoMustChangeThePasswordAndIsStoppedWhenDisabled() throws Exception {
        login("admin.one", ADMIN_PASSWORD);
        assertThat(browser.driver.getCurrentUrl()).contains("/console/accounts");

        // An issuer account without its issuer: refused on the field, nothing created.
        String user = "reg.second" + System.nanoTime() % 100000;
        browser.type("username", user);
        new Select(browser.el("#role")).selectByValue("ISSUER");
        browser.submit("#create-account");
        assertThat(browser.text("#issuerId-err")).isEqualTo("An issuer account needs its issuer.");
        assertThat(browser.el("#issuerId").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.el("#accounts").getText()).doesNotContain(user);

        // In Russian the same refusal is translated (no English domain text in the page).
        go("/console/accounts?lang=ru");
        browser.type("username", user);
        new Select(browser.el("#role")).selectByValue("ISSUER");
        browser.submit("#create-account");
        assertThat(browser.text("#issuerId-err")).isEqualTo("Учётной записи эмитента нужен её эмитент.");
        go("/console/accounts?lang=en");

        browser.type("username", user);
        new Select(browser.el("#role")).selectByValue("REGISTRAR");
        browser.submit("#create-account");
        String oneTime = browser.text("#otp-value");
        assertThat(oneTime).hasSize(20);
        assertThat(browser.text("#account-status")).contains("one-time password");
        browser.driver.navigate().refresh();
        assertThat(browser.driver.findElements(org.openqa.selenium.By.id("otp-value"))).as("shown once").isEmpty();

        // The new registrar: first the own password, then the console.
        login(user, oneTime);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/account/password");
        go("/console");
        assertThat(browser.driver.getCurrentUrl()).as("nothing else before the change").endsWith("/account/password");
        browser.type("currentPassword", oneTime);
        browser.type("newPassword", "short");
        browser.type("repeatPassword", "short");
        browser.submit("#change-password");
        assertThat(browser.text("#newPassword-err")).isEqualTo("The password needs at least 12 characters.");
        String own = "registrar's own passphrase";
        browser.type("currentPassword", oneTime);
        browser.type("newPassword", own);
        browser.type("repeatPassword", own);
        browser.submit("#change-password");
        assertThat(browser.driver.getCurrentUrl()).contains("/login?changed");
        login(user, own);
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console");
        assertThat(browser.el("h1").getText()).isNotBlank();

        // The administrator disables the account (API): the registrar's open session ends at the next page.
        HttpResponse<String> disabled = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/accounts/" + user + "/disable"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin.one:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        go("/console");
        browser.waitFor("#login-ended", Duration.ofSeconds(10));
        assertThat(browser.driver.getCurrentUrl()).contains("/login?ended");
        login(user, own);
        assertThat(browser.driver.getCurrentUrl()).contains("/login?error");
    }
}
