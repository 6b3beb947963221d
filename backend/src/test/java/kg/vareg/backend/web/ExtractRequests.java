package kg.vareg.backend.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a visitor's browser does for an extract: opens the emission's page, submits its extract form, follows to the file. */
public final class ExtractRequests {
    private ExtractRequests() {}

    /** The form's POST answer (303 to the file, or a refusal), in a session with the page's CSRF token. */
    public static HttpResponse<String> issue(HttpClient browser, String base, String number, String lang) throws Exception {
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/register/" + number + "?lang=" + lang))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher form = Pattern.compile("<form[^>]*id=\"extract-form\"[^>]*>(.*?)</form>", Pattern.DOTALL).matcher(page.body());
        assertThat(form.find()).as("the emission page has the extract form").isTrue();
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(form.group(0));
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(form.group(1));
        assertThat(action.find() && csrf.find()).isTrue();
        return browser.send(HttpRequest.newBuilder(URI.create(base + action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static HttpResponse<byte[]> issueAndDownload(String base, String number, String lang) throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> issued = issue(browser, base, number, lang);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(303);
        String location = issued.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(location).matches("/extracts/[0-9a-f-]{36}\\.pdf");
        return browser.send(HttpRequest.newBuilder(URI.create(base + location)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
