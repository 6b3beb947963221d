package kg.vareg.backend.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Real HTTP against the running backend (java.net.http), with Basic auth per call. */
public final class RegisterApi {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final ObjectMapper json;

    public RegisterApi(int port, ObjectMapper json) {
        this.base = "http://localhost:" + port;
        this.json = json;
    }

    public record Response(int status, String body, java.net.http.HttpHeaders headers, ObjectMapper json) {
        public JsonNode node() {
            return json.readTree(body);
        }

        public String text(String field) {
            return node().path(field).asString();
        }

        public Response expect(int expected) {
            assertThat(status).as(body).isEqualTo(expected);
            return this;
        }
    }

    public Response send(String user, String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) b.header("Content-Type", "application/json");
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + EmissionFixtures.PASSWORD)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers(), json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Response post(String user, String path, Object body) {
        return send(user, "POST", path, body == null ? null : write(body), Map.of());
    }

    public Response postRaw(String user, String path, String raw) {
        return send(user, "POST", path, raw, Map.of());
    }

    public Response get(String user, String path) {
        return send(user, "GET", path, null, Map.of());
    }

    public String write(Object body) {
        return json.writeValueAsString(body);
    }

    public Response upload(String user, UUID emission, String kind, String fileName, byte[] content) {
        String boundary = "vareg" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n";
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + content.length + tail.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(content, 0, all, h.length, content.length);
        System.arraycopy(tail, 0, all, h.length + content.length, tail.length);
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/api/v1/emissions/" + emission + "/documents"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + EmissionFixtures.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(all)).build();
        try {
            HttpResponse<String> resp = http.send(r, HttpResponse.BodyHandlers.ofString());
            return new Response(resp.statusCode(), resp.body(), resp.headers(), json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ¶5 decision data of a money-backed stablecoin, as a mutable map so tests can break single fields. */
    public static Map<String, Object> application(UUID issuerId, LocalDate placementStart, LocalDate placementEnd, LocalDate collateralRegisteredOn) {
        Map<String, Object> m = new HashMap<>();
        m.put("issuerId", issuerId.toString());
        m.put("vaType", "STABLECOIN");
        m.put("quantity", 1_000_000);
        m.put("minimumQuantity", 600_000);
        m.put("tokenDecimals", 6);
        m.put("nominalValue", "1.00");
        m.put("nominalCurrency", "KGS");
        m.put("placementPrice", "1.00 KGS per token");
        m.put("placementStart", placementStart.toString());
        m.put("placementEnd", placementEnd.toString());
        m.put("placementTerms", "public placement on a licensed crypto exchange; pre-sale at 2% discount for the first week");
        m.put("presaleTerms", "2% discount during the first 5 working days");
        m.put("circulationTerms", "redeemable 1:1 in KGS at the issuer on any working day");
        m.put("holdersRights", "redemption at nominal value");
        m.put("blockchain", "Ethereum");
        m.put("issuerWallet", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        m.put("tokenAddress", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
        m.put("collateral", List.of(Map.of("type", "MONEY", "appraisedValue", "1000000.00", "currency", "KGS",
                "registeredOn", collateralRegisteredOn.toString(), "registeredWith", "Optima Bank (escrow account 1234)",
                "description", "KGS deposit in escrow")));
        return m;
    }
}
