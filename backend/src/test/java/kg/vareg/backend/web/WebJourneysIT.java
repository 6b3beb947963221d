package kg.vareg.backend.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import kg.vareg.backend.issuers.IssuerKind;
import kg.vareg.backend.issuers.IssuerService;
import kg.vareg.backend.numbering.IssuerCode;
import kg.vareg.backend.numbering.Region;
import kg.vareg.backend.register.RegisterClock;
import kg.vareg.backend.kernel.ActorRole;
import kg.vareg.backend.security.CurrentActor;
import kg.vareg.backend.security.UserAccounts;
import kg.vareg.backend.support.BackendIntegrationTest;
import kg.vareg.backend.support.LogAnchoring;
import kg.vareg.backend.verification.SupplyVerifier;
import kg.vareg.contracts.generated.TestIssuerToken;
import kg.vareg.devstack.ContractDeployments;
import kg.vareg.devstack.EvmNode;
import kg.vareg.testsupport.TestChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.web3j.crypto.Keys;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * The main journeys in a real browser (Debian's headless Chromium) against the whole backend on real PostgreSQL and
 * anvil: an issuer files an application with its documents; the registrar registers it from the console; a visitor
 * finds it, verifies it in the browser (WebCrypto, and the anchor contract over JSON-RPC) and checks a document; a
 * PDF extract downloads and the link in its QR code verifies it. Screenshots of the pages in ky, ru and en go to
 * docs/screenshots. The methods run in order: each journey continues from the previous one.
 */
@BackendIntegrationTest
// The verifier's passes are driven by the test; the dev node stands in for the chain the decision names ("Ethereum").
@TestPropertySource(properties = {"vareg.clock.adjustable=true", "vareg.web.public-base-url=", "vareg.verifier.scheduling=false",
        "vareg.verifier.chains[0].chain-id=31337", "vareg.verifier.chains[0].name=Ethereum",
        "vareg.verifier.chains[0].rpc-url=${vareg.chain.rpc-url}", "vareg.verifier.chains[0].confirmations=0"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebJourneysIT {
    static final String PASSWORD = "correct horse battery staple";
    static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1); // a Monday, no holiday near
    static final List<String> LANGS = List.of("ky", "ru", "en");
    static final List<String> PACKAGE = List.of("APPLICATION", "DECISION", "WHITE_PAPER", "STATE_REGISTRATION_CERTIFICATE",
            "FOUNDING_DOCUMENTS", "FEE_PAYMENT_PROOF", "SECURITY_DOCUMENTS", "COLLATERAL_APPRAISAL",
            "COLLATERAL_REGISTRATION_PROOF", "FOUNDERS_QUESTIONNAIRES");
    static final int ISSUER_ACCOUNT = 3;
    static final int BUYER_ACCOUNT = 4;
    static final BigInteger MICRO = BigInteger.TEN.pow(6); // the token's 6 decimals

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager txm;
    @Autowired UserAccounts users;
    @Autowired IssuerService issuers;
    @Autowired RegisterClock clock;
    @Autowired SupplyVerifier verifier;

    Path files;
    Browser b;
    String issuerUser;
    String registrarUser;
    String issuerName;
    Path whitePaper;
    String number;
    EvmNode node;
    TestIssuerToken token;
    /** The token contract (EIP-55), deployed on the dev node before the issuer files the application. */
    String TOKEN;
    String issuerWallet;
    LogAnchoring log;

    @BeforeAll
    void start() throws Exception {
        clock.setTo(ZonedDateTime.of(JUNE_1, LocalTime.of(10, 0), RegisterClock.ZONE).toInstant());
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        registrarUser = "registrar-" + suffix;
        users.create(registrarUser, PASSWORD, ActorRole.REGISTRAR, null);
        String code = UUID.randomUUID().toString().replace("-", "").substring(0, 4).toUpperCase();
        issuerName = "Ala-Too Digital " + code + " LLC";
        var issuer = issuers.create(new IssuerService.NewIssuer(IssuerKind.LEGAL_ENTITY, issuerName, "limited liability company",
                "Ministry of Justice No. 1234-" + code, "Chui avenue 1, Bishkek", IssuerCode.of(code), Region.BISHKEK, null,
                new IssuerService.PrivateData(List.of(Map.of("name", "Secret Founder " + code)), List.of(), Map.of())),
                new CurrentActor(registrarUser, ActorRole.REGISTRAR, Optional.empty()));
        issuerUser = "issuer-" + suffix;
        users.create(issuerUser, PASSWORD, ActorRole.ISSUER, issuer.id());
        files = Files.createTempDirectory("vareg-web-it-");
        b = new Browser(port);
        node = TestChain.shared();
        issuerWallet = Keys.toChecksumAddress(node.account(ISSUER_ACCOUNT).getAddress());
        token = TestIssuerToken.deploy(node.web3j(), ContractDeployments.transactionManager(node.web3j(), node.account(0), node.chainId()),
                new DefaultGasProvider(), "Ala-Too Som", "ATS", BigInteger.valueOf(6), issuerWallet).send();
        TOKEN = Keys.toChecksumAddress(token.getContractAddress());
    }

    /** The token as its issuer's wallet sends to it. */
    private TestIssuerToken asIssuer() {
        return TestIssuerToken.load(token.getContractAddress(), node.web3j(),
                ContractDeployments.transactionManager(node.web3j(), node.account(ISSUER_ACCOUNT), node.chainId()), new DefaultGasProvider());
    }

    @AfterAll
    void stop() throws Exception {
        if (b != null) b.close();
    }

    private void js(String id, String value) {
        ((JavascriptExecutor) b.driver).executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
    }

    private void shots(String path, String name) throws Exception {
        for (String lang : LANGS) {
            b.open(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
            assertThat(b.el("html").getAttribute("lang")).isEqualTo(lang);
            b.screenshot(name + "-" + lang);
        }
        b.open(path + (path.contains("?") ? "&" : "?") + "lang=en");
    }

    @Test
    @Order(1)
    void issuerFilesAnApplicationWithDocuments() throws Exception {
        b.login(issuerUser, PASSWORD);
        assertThat(b.driver.getCurrentUrl()).endsWith("/portal");
        b.open("/portal/applications/new?lang=en");
        b.type("quantity", "1000000");
        b.type("minimumQuantity", "600000");
        b.type("tokenDecimals", "6");
        b.type("nominalValue", "1.00");
        b.type("placementPrice", "1.00 KGS per token");
        js("placementStart", "2026-06-15");
        js("placementEnd", "2026-07-31");
        b.type("placementTerms", "public placement on a licensed crypto exchange");
        b.type("circulationTerms", "redeemable 1:1 in KGS at the issuer");
        b.type("blockchain", "Ethereum");
        b.type("issuerWallet", issuerWallet);
        b.type("tokenAddress", "0x123"); // wrong on purpose
        b.type("collateralValue", "1000000.00");
        js("collateralRegisteredOn", "2026-05-25");
        b.type("collateralRegisteredWith", "Optima Bank (escrow account 1234)");
        b.type("collateralDescription", "KGS deposit in escrow");
        b.submit("#save-draft");
        // the error sits next to its field, and what was typed is kept
        assertThat(b.el("#tokenAddress-err").isDisplayed()).isTrue();
        assertThat(b.el("#tokenAddress").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(b.el("#quantity").getAttribute("value")).isEqualTo("1000000");
        assertThat(b.el("#collateralDescription").getAttribute("value")).isEqualTo("KGS deposit in escrow");
        shots("/portal/applications/new", "portal-application-form");
        // (the shots reloaded a fresh form: fill the one field again is not enough, so re-enter through the real form)
        b.open("/portal/applications/new?lang=en");
        b.type("quantity", "1000000");
        b.type("minimumQuantity", "600000");
        b.type("tokenDecimals", "6");
        b.type("nominalValue", "1.00");
        b.type("placementPrice", "1.00 KGS per token");
        js("placementStart", "2026-06-15");
        js("placementEnd", "2026-07-31");
        b.type("placementTerms", "public placement on a licensed crypto exchange");
        b.type("circulationTerms", "redeemable 1:1 in KGS at the issuer");
        b.type("blockchain", "Ethereum");
        b.type("issuerWallet", issuerWallet);
        b.type("tokenAddress", TOKEN);
        b.type("collateralValue", "1000000.00");
        js("collateralRegisteredOn", "2026-05-25");
        b.type("collateralRegisteredWith", "Optima Bank (escrow account 1234)");
        b.type("collateralDescription", "KGS deposit in escrow");
        b.submit("#save-draft");
        assertThat(b.el("#flash-ok").isDisplayed()).isTrue();
        assertThat(b.text("#portal-state")).isEqualTo("Draft");

        for (String kind : PACKAGE) {
            Path f = files.resolve(kind.toLowerCase() + ".pdf");
            Files.writeString(f, kind + " of " + issuerName + " " + UUID.randomUUID());
            if (kind.equals("WHITE_PAPER")) whitePaper = f;
            new Select(b.el("#kind")).selectByValue(kind);
            b.el("#upload-file").sendKeys(f.toAbsolutePath().toString());
            b.submit("#upload");
            assertThat(b.el("#flash-ok").isDisplayed()).as(kind).isTrue();
        }
        assertThat(b.el("#package-complete").isDisplayed()).isTrue();
        assertThat(b.driver.findElements(By.cssSelector("#my-documents tr"))).hasSize(PACKAGE.size());

        b.type("amount", "20.00"); // ¶28: 20% of 0.01% of 1,000,000 KGS
        b.submit("#pay");
        assertThat(b.el("#flash-ok").isDisplayed()).isTrue();
        b.submit("#submit-application");
        assertThat(b.el("#flash-ok").isDisplayed()).isTrue();
        assertThat(b.text("#portal-state")).isEqualTo("Application filed");
        assertThat(b.text("#deadlines")).contains("20 working days left");
        String url = b.driver.getCurrentUrl();
        shots(URI.create(url).getPath(), "portal-emission");
        shots("/portal", "portal-home");
    }

    @Test
    @Order(2)
    void registrarSeesTheDeadlineAndRegistersIt() throws Exception {
        b.login(registrarUser, PASSWORD);
        assertThat(b.driver.getCurrentUrl()).endsWith("/console");
        b.open("/console?lang=en");
        String row = b.driver.findElements(By.cssSelector("#queue tbody tr")).stream().map(r -> r.getText())
                .filter(t -> t.contains(issuerName)).findFirst().orElseThrow();
        assertThat(row).contains("20").contains("Decide on the application").contains("¶10");
        shots("/console", "console-queue");
        b.driver.findElements(By.cssSelector("#queue tbody tr")).stream().filter(r -> r.getText().contains(issuerName))
                .findFirst().orElseThrow().findElement(By.tagName("a")).click();
        assertThat(b.driver.findElements(By.cssSelector("#checklist li.fail"))).isEmpty();
        assertThat(b.el("#coverage-verdict").getAttribute("class")).isEqualTo("pass");
        // only the decisions the state allows: register and refuse, each citing its ¶
        assertThat(b.driver.findElements(By.cssSelector("form[id^=decide-]"))).extracting(e -> e.getAttribute("id"))
                .containsExactly("decide-register", "decide-refuse");
        assertThat(b.text("#decide-refuse h3")).contains("¶17");
        // a refusal without reasons is refused by the rule, and the page says so
        b.submit("#decide-refuse button[type=submit]");
        assertThat(b.el("#flash-error").getText()).contains("¶");
        assertThat(b.text("#app-state")).isEqualTo("Application filed");
        shots(URI.create(b.driver.getCurrentUrl()).getPath(), "console-application");
        b.submit("#decide-register button[type=submit]");
        assertThat(b.el("#flash-ok").isDisplayed()).isTrue();
        // Four-eyes (security): the first registrar only proposes; a second registrar confirms.
        assertThat(b.text("#app-state")).isEqualTo("Application filed");
        String application = URI.create(b.driver.getCurrentUrl()).getPath();
        b.driver.manage().deleteAllCookies();
        String second = "registrar2-" + registrarUser;
        users.create(second.length() > 60 ? second.substring(0, 60) : second, PASSWORD, ActorRole.REGISTRAR, null);
        b.login(second.length() > 60 ? second.substring(0, 60) : second, PASSWORD);
        b.open(application + "?lang=en");
        b.submit("#decide-register button[type=submit]");
        assertThat(b.el("#flash-ok").isDisplayed()).isTrue();
        assertThat(b.text("#app-state")).isEqualTo("Registered");
        number = b.text("#app-number");
        assertThat(number).matches("KG01[0-9A-Z]{7}");
    }

    @Test
    @Order(3)
    void visitorFindsTheEmissionAndVerifiesItInTheBrowser() throws Exception {
        integrateAndAnchor();
        b.driver.manage().deleteAllCookies();
        b.open("/register?lang=en");
        b.type("tokenAddress", TOKEN.toLowerCase());
        b.submit("#search");
        assertThat(b.driver.findElements(By.cssSelector("#register-table tbody tr"))).hasSize(1);
        shots("/register?tokenAddress=" + TOKEN, "register-search");
        b.driver.findElement(By.linkText(number)).click();
        assertThat(b.text("#reg-number")).isEqualTo(number);
        assertThat(b.text("#entry-fields")).contains(issuerName).contains("1,000,000").contains("Stablecoin");
        assertThat(b.driver.getPageSource()).doesNotContain("Secret Founder"); // ¶66
        // before the verifier has read the chain the page says so, and shows no numbers of its own
        assertThat(b.el("#chain-not-verified").isDisplayed()).isTrue();
        assertThat(b.driver.findElements(By.id("chain-state"))).isEmpty();
        assertThat(b.driver.findElements(By.cssSelector("#history li")).size()).isGreaterThanOrEqualTo(3);

        // the issuer mints 800,000 and places 300,000 on the dev node; the verifier's pass reads them (real logs, real state)
        TestIssuerToken issuer = asIssuer();
        var mint = issuer.mint(issuerWallet, BigInteger.valueOf(800_000).multiply(MICRO)).send();
        issuer.transfer(node.account(BUYER_ACCOUNT).getAddress(), BigInteger.valueOf(300_000).multiply(MICRO)).send();
        verifier.verifyAll();
        b.open("/register/" + number + "?lang=en");
        assertThat(b.driver.findElements(By.id("chain-not-verified"))).isEmpty();
        assertThat(b.text("#chain-supply")).isEqualTo("800,000");
        assertThat(b.text("#chain-checked")).contains(Long.toString(node.blockNumber().longValueExact()));
        assertThat(b.driver.findElements(By.cssSelector("#chain-movements td[data-kind=MINT]"))).hasSize(1);
        assertThat(b.driver.findElements(By.cssSelector("#chain-movements td[data-kind=PLACEMENT]"))).hasSize(1);
        assertThat(b.text("#chain-movements")).contains(mint.getTransactionHash()).contains("800,000").contains("300,000");
        assertThat(b.el("svg.chart polyline").getAttribute("points")).isNotBlank();
        assertThat(b.driver.findElements(By.cssSelector("#chain-findings li[data-kind=SUPPLY_ABOVE_REGISTERED]"))).isEmpty();

        // a mint beyond the registered 1,000,000 (¶5, ¶59) becomes a CRITICAL finding on the public page
        var beyond = issuer.mint(issuerWallet, BigInteger.valueOf(400_000).multiply(MICRO)).send();
        verifier.verifyAll();
        b.open("/register/" + number + "?lang=en");
        assertThat(b.text("#chain-supply")).isEqualTo("1,200,000");
        assertThat(b.driver.findElements(By.cssSelector("#chain-movements td[data-kind=MINT]"))).hasSize(2);
        var finding = b.el("#chain-findings li[data-kind=SUPPLY_ABOVE_REGISTERED]");
        assertThat(finding.getAttribute("data-severity")).isEqualTo("CRITICAL");
        assertThat(finding.getText()).contains("¶5, ¶59").contains("on-chain supply above the registered quantity")
                .contains("1200000000000").contains("1000000000000");
        assertThat(jdbc.queryForObject("SELECT tx_hash FROM registry.verifier_finding WHERE kind = 'SUPPLY_ABOVE_REGISTERED' AND closed_at IS NULL",
                String.class)).isEqualTo(beyond.getTransactionHash());
        assertThat(b.el("#anchor-fields").getText()).contains("31337");

        b.el("#verify-chain").click();
        b.el("#verify-button").click();
        var summary = b.waitFor("#verify-summary", Duration.ofSeconds(20));
        assertThat(b.text("#verify-result")).doesNotContain("✘");
        assertThat(summary.getAttribute("class")).contains("ok");
        assertThat(b.el("#check-leaf").getAttribute("class")).isEqualTo("pass");
        assertThat(b.el("#check-root").getAttribute("class")).isEqualTo("pass");
        assertThat(b.el("#check-chain-root").getAttribute("class")).isEqualTo("pass");
        assertThat(b.el("#check-chain-inclusion").getAttribute("class")).isEqualTo("pass");
        // the checkpoint's Ed25519 signature is checked with WebCrypto against the published key, naming the key id;
        // that the published key is genuine is NOT checked (it comes from the same site) and the page says so
        String keyId = String.format("%08x", log.signer.verifier().keyId());
        assertThat(b.el("#check-signature").getAttribute("class")).isEqualTo("pass");
        assertThat(b.text("#check-signature")).contains(keyId).contains(LogAnchoring.ORIGIN).contains("this register publishes");
        assertThat(b.el("#check-key-trust").getAttribute("class")).isEqualTo("skip-check");
        assertThat(b.text("#check-key-trust")).contains("Not checked").contains(keyId);
        var published = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(b.base + "/api/v1/public/log/verifier-keys")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.body()).contains(log.signer.verifier().encode()).contains("\"current\":true");
        b.screenshot("emission-verified-en");
        shots("/register/" + number, "emission");
        shots("/register", "register");

        // if the server published a different key, the note's signature is no longer by a published key: ✘
        var other = kg.vareg.ledger.checkpoint.NoteSigner.generate(LogAnchoring.ORIGIN, new java.security.SecureRandom()).verifier();
        jdbc.update("UPDATE log.verifier_keys SET verifier_key = ?, key_id = ?, public_key = ?", other.encode(),
                String.format("%08x", other.keyId()), other.publicKey());
        b.open("/register/" + number + "?lang=en");
        b.el("#verify-button").click();
        assertThat(b.waitFor("#verify-summary", Duration.ofSeconds(20)).getAttribute("class")).contains("bad");
        assertThat(b.el("#check-signature").getAttribute("class")).isEqualTo("fail");
        assertThat(b.el("#check-root").getAttribute("class")).isEqualTo("pass");
        jdbc.update("UPDATE log.verifier_keys SET verifier_key = ?, key_id = ?, public_key = ?", log.signer.verifier().encode(),
                keyId, log.signer.verifier().publicKey());
    }

    @Test
    @Order(4)
    void visitorChecksADocumentWithoutUploadingIt() throws Exception {
        b.open("/verify/document?lang=en");
        b.el("#file").sendKeys(whitePaper.toAbsolutePath().toString());
        var verdict = b.waitFor("#doc-verdict", Duration.ofSeconds(10));
        assertThat(verdict.getAttribute("class")).contains("ok");
        assertThat(b.text("#doc-matches")).contains(number).contains("White paper");
        assertThat(b.text("#doc-sha256")).isEqualTo(sha256(Files.readAllBytes(whitePaper)));
        shotsKeeping("check-document");
        Path other = files.resolve("not-registered.pdf");
        Files.writeString(other, "a file nobody registered");
        b.open("/verify/document?lang=en");
        b.el("#file").sendKeys(other.toAbsolutePath().toString());
        assertThat(b.waitFor("#doc-verdict", Duration.ofSeconds(10)).getAttribute("class")).contains("bad");
        // the founders' questionnaire is private (¶66): its exact file is never confirmed publicly
        Long privateDocs = jdbc.queryForObject("SELECT count(*) FROM registry.document WHERE kind = 'FOUNDERS_QUESTIONNAIRES'", Long.class);
        assertThat(privateDocs).isPositive();
        Path questionnaire = files.resolve("founders_questionnaires.pdf");
        b.open("/verify/document?lang=en");
        b.el("#file").sendKeys(questionnaire.toAbsolutePath().toString());
        assertThat(b.waitFor("#doc-verdict", Duration.ofSeconds(10)).getAttribute("class")).contains("bad");
    }

    private void shotsKeeping(String name) throws Exception {
        for (String lang : LANGS) {
            b.open("/verify/document?lang=" + lang);
            b.el("#file").sendKeys(whitePaper.toAbsolutePath().toString());
            b.waitFor("#doc-verdict", Duration.ofSeconds(10));
            b.screenshot(name + "-" + lang);
        }
    }

    @Test
    @Order(5)
    void aPdfExtractDownloadsAndItsQrLinkVerifiesIt() throws Exception {
        long before = jdbc.queryForObject("SELECT count(*) FROM registry.journal WHERE record_type = 'RegisterExtractIssued'", Long.class);
        // Issued deliberately: the emission page's form (POST with its CSRF token), then the stored file (issue 15 item 3).
        HttpResponse<byte[]> r = ExtractRequests.issueAndDownload(b.base, number, "ky");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
        byte[] pdf = r.body();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String sha = sha256(pdf);
        // ¶61: the extract's own hash is journaled, once
        assertThat(jdbc.queryForObject("SELECT count(*) FROM registry.journal WHERE record_type = 'RegisterExtractIssued'", Long.class))
                .isEqualTo(before + 1);
        String journaled = jdbc.queryForObject("SELECT convert_from(canonical_json, 'UTF8')::jsonb -> 'events' -> 0 -> 'changes' ->> 'pdfSha256'"
                + " FROM registry.journal WHERE record_type = 'RegisterExtractIssued' ORDER BY id DESC LIMIT 1", String.class);
        assertThat(journaled).isEqualTo(sha);
        String qr = PdfQr.decode(pdf).orElseThrow(() -> new AssertionError("no QR code found in the extract"));
        assertThat(qr).startsWith(b.base + "/verify/extract/");
        Path saved = files.resolve("extract.pdf");
        Files.write(saved, pdf);

        b.driver.get(qr + "?lang=en");
        assertThat(b.el("#extract-found").isDisplayed()).isTrue();
        assertThat(b.text("#extract-sha")).isEqualTo(sha);
        assertThat(b.text("#extract-content")).contains(number).contains(issuerName);
        b.el("#extract-file").sendKeys(saved.toAbsolutePath().toString());
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver, Duration.ofSeconds(10))
                .until(d -> !d.findElement(By.id("extract-compare")).getText().isEmpty());
        assertThat(b.el("#extract-compare").getAttribute("class")).contains("ok");
        shots(URI.create(qr).getPath(), "extract-verify");
        // and the paper copy's file is found by "check a document" too
        b.open("/verify/document?lang=en");
        b.el("#file").sendKeys(saved.toAbsolutePath().toString());
        assertThat(b.waitFor("#doc-verdict", Duration.ofSeconds(10)).getAttribute("class")).contains("ok");
        assertThat(b.text("#doc-matches")).contains("Register extract");
    }

    /** What the anchoring worker does, with its real integration code: leaves, signed checkpoint, anchor on anvil. */
    private void integrateAndAnchor() throws Exception {
        log = new LogAnchoring(dataSource, txm, node);
        log.anchor(log.integrate());
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
