package kg.vareg.backend.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kg.vareg.backend.emissions.EmissionFixtures;
import kg.vareg.backend.emissions.RegisterApi;
import kg.vareg.backend.register.RegisterClock;
import kg.vareg.backend.kernel.ActorRole;
import kg.vareg.backend.security.UserAccounts;
import kg.vareg.backend.support.BackendIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The calendar as a public service (#19 item 2, docs/calendar.md) and the training clock (item 3): the API answers
 * for every day of 2025-2026 exactly as docs/calendar.md documents them, terms count as computed by hand, an
 * emission's running terms are public, bad input is a 400 naming the field, and the page works in Chromium.
 * The register runs on a training clock here, so every response and page must say so.
 */
@BackendIntegrationTest
@TestPropertySource(properties = {"vareg.clock.adjustable=true", "vareg.clock.training-date=2026-06-01",
        "vareg.verifier.scheduling=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarServiceIT {
    @LocalServerPort int port;
    @Autowired ObjectMapper json;
    @Autowired UserAccounts users;
    @Autowired RegisterClock clock;

    final HttpClient http = HttpClient.newHttpClient();
    Browser browser;

    @BeforeAll
    void browser() throws IOException {
        browser = new Browser(port);
    }

    @AfterAll
    void close() throws IOException {
        if (browser != null) browser.close();
    }

    record Reply(int status, JsonNode body, HttpResponse<String> raw) {}

    Reply get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = r.headers().firstValue("Content-Type").orElse("").contains("json") ? json.readTree(r.body()) : null;
        return new Reply(r.statusCode(), body, r);
    }

    /** The non-working days that docs/calendar.md documents for a year, with whether each is provisional. */
    static Map<LocalDate, Boolean> documentedDaysOff(int year) throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "calendar.md"));
        int start = doc.indexOf("### " + year + " (");
        int end = doc.indexOf("\n### ", start + 1);
        assertThat(start).as("docs/calendar.md has a section for " + year).isPositive();
        Map<String, Month> months = new HashMap<>();
        for (Month m : Month.values()) months.put(m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH), m);
        Pattern row = Pattern.compile("(?m)^\\| (\\d{1,2})(?:–(\\d{1,2}))? ([A-Z][a-z]{2})\\b.*$");
        Matcher m = row.matcher(doc.substring(start, end < 0 ? doc.length() : end));
        Map<LocalDate, Boolean> out = new HashMap<>();
        while (m.find()) {
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            boolean provisional = m.group().contains("unconfirmed");
            for (int d = from; d <= to; d++) out.put(LocalDate.of(year, months.get(m.group(3)), d), provisional);
        }
        assertThat(out).as("documented days off of " + year).hasSizeGreaterThan(10);
        return out;
    }

    @Test
    void everyDayOf2025And2026IsAnsweredAsDocsCalendarMdDocumentsIt() throws Exception {
        for (int year : List.of(2025, 2026)) {
            Map<LocalDate, Boolean> daysOff = documentedDaysOff(year);
            Reply r = get("/api/v1/public/calendar/days?year=" + year);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body().size()).isEqualTo(LocalDate.of(year, 1, 1).lengthOfYear());
            for (JsonNode d : r.body()) {
                LocalDate date = LocalDate.parse(d.path("date").asString());
                boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
                boolean documented = daysOff.containsKey(date);
                assertThat(d.path("workingDay").asBoolean()).as(date.toString()).isEqualTo(!weekend && !documented);
                if (!d.path("workingDay").asBoolean()) {
                    assertThat(d.path("source").asString()).as("source of day off " + date).isNotBlank();
                }
                assertThat(d.path("provisional").asBoolean()).as("provisional " + date)
                        .isEqualTo(documented && daysOff.get(date));
            }
        }
        // One day on its own path, with its source.
        Reply nooruz = get("/api/v1/public/calendar/days/2025-03-21");
        assertThat(nooruz.body().path("workingDay").asBoolean()).isFalse();
        assertThat(nooruz.body().path("kind").asString()).isEqualTo("PUBLIC_HOLIDAY");
        assertThat(nooruz.body().path("source").asString()).contains("Labour Code");
    }

    @Test
    void termsCountAsComputedByHand() throws Exception {
        // ¶10, 20 WD from Wed 24.12.2025: 25, 26, 29, 30, 31 Dec (5); 1-9 Jan off (holidays; Cabinet days off 8-9 Jan
        // 2026), 10-11 weekend; 12-16 (10), 19-23 (15), 26-30 (20) -> Fri 30.01.2026.
        Reply decision = get("/api/v1/public/calendar/count?from=2025-12-24&term=REGISTRATION_DECISION");
        assertThat(decision.status()).isEqualTo(200);
        assertThat(decision.body().path("result").asString()).isEqualTo("2026-01-30");
        assertThat(decision.body().path("paragraph").asString()).isEqualTo("¶10");
        List<String> skipped = decision.body().path("skipped").valueStream().map(d -> d.path("date").asString()).toList();
        assertThat(skipped).containsExactly("2025-12-27", "2025-12-28", "2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04",
                "2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08", "2026-01-09", "2026-01-10", "2026-01-11", "2026-01-17",
                "2026-01-18", "2026-01-24", "2026-01-25");
        assertThat(decision.body().path("skipped").get(9).path("kind").asString()).isEqualTo("CABINET_DAY_OFF");

        // ¶30, 30 CD after the placement ends on Thu 19.02.2026: 21.03 is Nooruz (a Saturday), 22.03 a Sunday -> Mon 23.03;
        // only the two days the end moved across are listed.
        Reply report = get("/api/v1/public/calendar/count?from=2026-02-19&term=RESULTS_REPORT");
        assertThat(report.body().path("result").asString()).isEqualTo("2026-03-23");
        assertThat(report.body().path("skipped").valueStream().map(d -> d.path("date").asString()).toList())
                .containsExactly("2026-03-21", "2026-03-22");

        // ¶21's earliest day: 5 WD after publication on Fri 15.05.2026 (1-9 May already over): 18-22 May -> 22.05.
        Reply earliest = get("/api/v1/public/calendar/count?from=2026-05-15&term=PLACEMENT_EARLIEST_AFTER_OFFER");
        assertThat(earliest.body().path("result").asString()).isEqualTo("2026-05-22");
        assertThat(earliest.body().path("kind").asString()).isEqualTo("EARLIEST_DAY");

        // Free counts: 3 WD from Tue 26.05.2026 crosses Kurman Ait on Wed 27.05, which is still provisional.
        Reply kurman = get("/api/v1/public/calendar/count?from=2026-05-26&days=3&unit=WORKING_DAYS");
        assertThat(kurman.body().path("result").asString()).isEqualTo("2026-06-01");
        assertThat(kurman.body().path("provisional").asBoolean()).isTrue();
        Reply calendarDays = get("/api/v1/public/calendar/count?from=2026-06-01&days=0&unit=calendar_days");
        assertThat(calendarDays.body().path("result").asString()).isEqualTo("2026-06-01");

        assertThat(get("/api/v1/public/calendar/terms").body().valueStream().map(t -> t.path("name").asString()).toList())
                .contains("REGISTRATION_DECISION", "RESULTS_REPORT", "CANCELLATION_PUBLICATION");
        assertThat(get("/api/v1/public/calendar").body().path("configured").valueStream().map(JsonNode::asInt).toList())
                .contains(2025, 2026);
    }

    @Test
    void badInputIsA400NamingTheField() throws Exception {
        Map<String, String> cases = Map.of(
                "/api/v1/public/calendar/days/2026-02-30", "date",
                "/api/v1/public/calendar/days/2031-01-05", "date",
                "/api/v1/public/calendar/days?from=2026-01-10&to=2026-01-01", "to",
                "/api/v1/public/calendar/days?from=2025-01-01&to=2026-12-31", "to",
                "/api/v1/public/calendar/days?year=abc", "year",
                "/api/v1/public/calendar/count?from=2026-01-05&days=0", "days",
                "/api/v1/public/calendar/count?from=2026-01-05&days=ten", "days",
                "/api/v1/public/calendar/count?from=2026-01-05&term=SOON", "term",
                "/api/v1/public/calendar/count?from=2026-01-05&days=5&unit=HOURS", "unit",
                "/api/v1/public/calendar/count?from=2026-01-05&term=RESULTS_REPORT&days=3", "term");
        for (var c : cases.entrySet()) {
            Reply r = get(c.getKey());
            assertThat(r.status()).as(c.getKey()).isEqualTo(400);
            assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).as(c.getKey()).contains("application/problem+json");
            assertThat(r.body().path("errors").get(0).path("field").asString()).as(c.getKey()).isEqualTo(c.getValue());
        }
        assertThat(get("/api/v1/public/calendar/days/2031-01-05").body().path("detail").asString()).contains("2031", "2025");
    }

    @Test
    void anEmissionsRunningTermsArePublicWithTheirBasisAndSkippedDays() throws Exception {
        RegisterApi api = new RegisterApi(port, json);
        EmissionFixtures fx = new EmissionFixtures(api, users, clock);
        LocalDate june1 = LocalDate.of(2026, 6, 1);
        fx.at(june1);
        String registrar = fx.newUser(ActorRole.REGISTRAR, null);
        String registrar2 = fx.newUser(ActorRole.REGISTRAR, null);
        var issuer = fx.issuer(registrar);
        UUID id = fx.completeDraft(issuer, june1, LocalDate.of(2026, 7, 31), LocalDate.of(2026, 5, 25));
        fx.payUpfront(issuer, id, june1);
        api.post(issuer.user(), "/api/v1/emissions/" + id + "/submit", null).expect(200);
        api.post(registrar, "/api/v1/emissions/" + id + "/register", null).expect(202);
        String number = api.post(registrar2, "/api/v1/emissions/" + id + "/register", null).expect(200).text("registrationNumber");

        Reply terms = get("/api/v1/public/register/" + number.toLowerCase(Locale.ROOT) + "/terms");
        assertThat(terms.status()).isEqualTo(200);
        assertThat(terms.body().path("registrationNumber").asString()).isEqualTo(number);
        assertThat(terms.body().path("asOf").asString()).isEqualTo("2026-06-01");
        // ¶11: the registration decision is owed to the issuer, without a term.
        JsonNode delivery = terms.body().path("terms").valueStream().filter(t -> t.path("paragraph").asString().equals("¶11"))
                .findFirst().orElseThrow();
        assertThat(delivery.path("status").asString()).isEqualTo("DUE");
        assertThat(delivery.path("from").asString()).isEqualTo("2026-06-01");
        // ¶28: the notice for Q2 2026 is due 10 WD after 30.06 (Tue): 1-3, 6-10, 13-14 Jul -> 14.07, skipping 4-5 and 11-12.
        JsonNode fee = terms.body().path("terms").valueStream()
                .filter(t -> t.path("paragraph").asString().equals("¶28") && t.path("what").asString().startsWith("notify"))
                .findFirst().orElseThrow(() -> new AssertionError("no ¶28 notice in " + terms.body()));
        assertThat(fee.path("from").asString()).isEqualTo("2026-06-30");
        assertThat(fee.path("due").asString()).isEqualTo("2026-07-14");
        assertThat(fee.path("term").asString()).isEqualTo("10 WD (¶28)");
        assertThat(fee.path("skipped").valueStream().map(d -> d.path("date").asString()).toList())
                .containsExactly("2026-07-04", "2026-07-05", "2026-07-11", "2026-07-12");
        assertThat(fee.path("what").asString()).doesNotContain("outstanding");
        // Training clock: the API says so on every response.
        assertThat(terms.raw().headers().firstValue("Vareg-Training-Clock")).hasValue("2026-06-01");

        assertThat(get("/api/v1/public/register/KG01/terms").status()).isEqualTo(400);
        assertThat(get("/api/v1/public/register/KG01/terms").body().path("errors").get(0).path("field").asString()).isEqualTo("number");
    }

    @Test
    void theCalendarPageCountsShowsDaysOffAndTheTrainingBannerInEveryLanguage() {
        browser.open("/calendar?lang=en&from=2025-12-24&term=REGISTRATION_DECISION&year=2026");
        assertThat(browser.el("#count-result strong").getAttribute("data-date")).isEqualTo("2026-01-30");
        assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector("#skipped tbody tr"))).hasSize(17);
        assertThat(browser.el("#days-off tr[data-date='2026-05-27']").getText()).contains("provisional");
        assertThat(browser.text(".training-clock")).contains("2026-06-01");
        for (String lang : List.of("ky", "ru", "en")) {
            browser.open("/calendar?lang=" + lang + "&date=2026-03-20&from=2026-13-01&days=5");
            String page = browser.el("body").getText();
            assertThat(page).as(lang).doesNotContain("??").doesNotContain("calendar.");
            assertThat(browser.el("#day-result").getText()).as(lang).contains("DUMK");
            assertThat(browser.el("#calendar-errors p[data-field='from']").getText()).as(lang).isNotBlank();
            assertThat(browser.el(".training-clock").getText()).as(lang).contains("2026-06-01");
        }
        browser.open("/calendar?lang=ru&date=2026-03-20");
        assertThat(browser.el("#day-result").getText()).contains("нерабочий день");
    }
}
