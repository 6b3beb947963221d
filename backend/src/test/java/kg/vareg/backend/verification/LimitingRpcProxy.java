package kg.vareg.backend.verification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real HTTP JSON-RPC proxy in front of a node, behaving like hosted providers do: it refuses
 * eth_getLogs over more than {@code maxSpan} blocks with a JSON-RPC error, forwards everything else,
 * and can run a hook (e.g. a reorg) before forwarding the next eth_getLogs.
 */
final class LimitingRpcProxy implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI upstream;
    private final long maxSpan;
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger forwardedLogQueries = new AtomicInteger();
    final AtomicLong widestForwardedSpan = new AtomicLong();
    private final AtomicReference<Runnable> beforeNextGetLogs = new AtomicReference<>();

    LimitingRpcProxy(String upstreamUrl, long maxSpan) {
        this.upstream = URI.create(upstreamUrl);
        this.maxSpan = maxSpan;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Runs {@code hook} once, just before the next eth_getLogs is forwarded. */
    void beforeNextGetLogs(Runnable hook) {
        beforeNextGetLogs.set(hook);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        JsonNode request = JSON.readTree(body);
        byte[] answer;
        if ("eth_getLogs".equals(request.path("method").asString())) {
            JsonNode filter = request.path("params").path(0);
            long from = Long.decode(filter.path("fromBlock").asString());
            long to = Long.decode(filter.path("toBlock").asString());
            long span = to - from + 1;
            if (span > maxSpan) {
                refused.incrementAndGet();
                ObjectNode error = JSON.createObjectNode();
                error.put("jsonrpc", "2.0");
                error.set("id", request.get("id"));
                error.putObject("error").put("code", -32005).put("message",
                        "query exceeds max block range " + maxSpan + " (asked " + span + ")");
                answer = JSON.writeValueAsBytes(error);
                respond(exchange, answer);
                return;
            }
            Runnable hook = beforeNextGetLogs.getAndSet(null);
            if (hook != null) {
                hook.run();
            }
            forwardedLogQueries.incrementAndGet();
            widestForwardedSpan.accumulateAndGet(span, Math::max);
        }
        try {
            HttpResponse<byte[]> forwarded = http.send(HttpRequest.newBuilder(upstream)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
            answer = forwarded.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = "{}".getBytes(StandardCharsets.UTF_8);
        }
        respond(exchange, answer);
    }

    private static void respond(HttpExchange exchange, byte[] answer) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
