package kg.vareg.backend.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.HttpCookie;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kg.vareg.backend.support.BackendIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 15 item 3: a register extract is issued deliberately (POST), one journal row per DISTINCT extract; downloads
 * and repeated requests for the same register state write nothing and give identical bytes; the printed URL comes from
 * configuration, never from the request's Host. Same context as DemoDataIT (the demo's registered emissions).
 */
@BackendIntegrationTest
@TestPropertySource(properties = {"vareg.demo.enabled=true",
        "vareg.demo.token-address=0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359"})
class ExtractsIT {
    static final String NUMBER = "KG0101DEM11";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private long extractRows() {
        return jdbc.queryForObject("SELECT count(*) FROM registry.journal WHERE record_type = 'RegisterExtractIssued'"
                + " AND convert_from(canonical_json, 'UTF8') LIKE ?", Long.class, "%" + NUMBER + "%");
    }

    private long allRows() {
        return jdbc.queryForObject("SELECT count(*) FROM registry.journal", Long.class);
    }

    @Test
    void oneLeafPerDistinctExtractIdenticalBytesAndTheUrlFromConfiguration() throws Exception {
        String base = "http://localhost:" + port;
        long rowsBefore = extractRows();

        // The old anonymous GET no longer issues (nor journals) anything.
        long all = allRows();
        HttpResponse<String> oldGet = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "/register/" + NUMBER + "/extract.pdf")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(oldGet.statusCode()).isNotEqualTo(200);
        assertThat(allRows()).isEqualTo(all);

        // Issued with a forged Host header: the QR code and printed URL still name the configured site.
        String location = issueWithHost(base, "evil.example");
        assertThat(extractRows()).isEqualTo(rowsBefore + 1);
        byte[] first = download(base + location);
        String qr = PdfQr.decode(first).orElseThrow(() -> new AssertionError("no QR code in the extract"));
        assertThat(qr).startsWith(base + "/verify/extract/").doesNotContain("evil.example");

        // Downloading again, and asking again for the same register state, give the same extract and write nothing.
        all = allRows();
        assertThat(download(base + location)).isEqualTo(first);
        HttpResponse<String> again = ExtractRequests.issue(ExtractRequests.browser(), base, NUMBER, "en");
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith(location);
        assertThat(allRows()).isEqualTo(all);
        assertThat(extractRows()).isEqualTo(rowsBefore + 1);

        // Another language is another extract: one more row.
        HttpResponse<byte[]> russian = ExtractRequests.issueAndDownload(base, NUMBER, "ru");
        assertThat(russian.statusCode()).isEqualTo(200);
        assertThat(russian.body()).isNotEqualTo(first);
        assertThat(extractRows()).isEqualTo(rowsBefore + 2);
    }

    private static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
        return r.body();
    }

    /** The page's form submitted over a raw socket whose Host header the client chose; answers the Location. */
    private String issueWithHost(String base, String host) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/register/" + NUMBER + "?lang=en")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("id=\"extract-form\".*?name=\"_csrf\"\\s+value=\"([^\"]+)\"", Pattern.DOTALL).matcher(page);
        assertThat(csrf.find()).isTrue();
        String session = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
        String body = "_csrf=" + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        String request = "POST /register/" + NUMBER + "/extract?lang=en HTTP/1.1\r\nHost: " + host + "\r\nCookie: JSESSIONID="
                + session + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body;
        try (Socket s = new Socket("localhost", port)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            s.getInputStream().transferTo(answer);
            String head = answer.toString(StandardCharsets.ISO_8859_1);
            assertThat(head).startsWith("HTTP/1.1 303");
            Matcher loc = Pattern.compile("(?im)^Location:\\s*(\\S+)").matcher(head);
            assertThat(loc.find()).isTrue();
            assertThat(loc.group(1)).doesNotContain("evil.example");
            return loc.group(1).replaceFirst("^https?://[^/]+", "");
        }
    }
}
