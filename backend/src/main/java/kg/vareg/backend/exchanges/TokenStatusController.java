package kg.vareg.backend.exchanges;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The exchange API (docs/exchange-api.md) and the management of exchanges' API keys. */
@RestController
@Tag(name = "Exchange API", description = "Before listing: is this contract a registered emission (¶12, ¶58)?")
class TokenStatusController {
    static final int MAX_BATCH = 100;
    private final TokenStatusService service;
    private final ExchangeApiKeys keys;

    TokenStatusController(TokenStatusService service, ExchangeApiKeys keys) {
        this.service = service;
        this.keys = keys;
    }

    @GetMapping("/api/v1/tokens/{chain}/{address}")
    @Operation(summary = "Registration and on-chain status of one token contract",
            description = "chain = chain id or the chain's name as written in decisions (¶5). Requires X-Api-Key.")
    TokenStatus one(@PathVariable String chain, @PathVariable String address) {
        requireAddress("address", address);
        return service.status(chain, address);
    }

    record Lookup(String chain, String address) {}

    record Batch(List<Lookup> tokens) {}

    record BatchAnswer(List<TokenStatus> tokens) {}

    @PostMapping("/api/v1/tokens/batch")
    @Operation(summary = "The same for up to 100 contracts at once (answers in request order)")
    BatchAnswer batch(@RequestBody Batch batch) {
        if (batch == null || batch.tokens() == null || batch.tokens().isEmpty() || batch.tokens().size() > MAX_BATCH) {
            throw invalid(Map.of("tokens", "1 to " + MAX_BATCH + " items"));
        }
        List<Map<String, String>> errors = new ArrayList<>();
        for (int i = 0; i < batch.tokens().size(); i++) {
            Lookup l = batch.tokens().get(i);
            if (l == null || l.chain() == null || l.chain().isBlank()) {
                errors.add(Map.of("field", "tokens[" + i + "].chain", "message", "required"));
            }
            if (l == null || !validAddress(l.address())) {
                errors.add(Map.of("field", "tokens[" + i + "].address", "message", "a 0x-prefixed 20-byte hex address"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return new BatchAnswer(batch.tokens().stream().map(l -> service.status(l.chain(), l.address())).toList());
    }

    record NewKey(String exchangeName) {}

    @PostMapping("/api/v1/exchange-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue an API key to an exchange (REGISTRAR, SUPERVISOR); the key is shown only in this answer")
    ExchangeApiKeys.IssuedKey issue(@RequestBody NewKey body, Authentication who) {
        if (body == null || body.exchangeName() == null || body.exchangeName().isBlank() || body.exchangeName().length() > 200) {
            throw invalid(Map.of("exchangeName", "1-200 characters"));
        }
        return keys.issue(body.exchangeName(), who.getName());
    }

    @GetMapping("/api/v1/exchange-keys")
    @Operation(summary = "List issued keys (never the secrets)")
    List<ExchangeApiKeys.KeyInfo> list() {
        return keys.list();
    }

    @DeleteMapping("/api/v1/exchange-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a key: it stops working at once")
    void revoke(@PathVariable long id, Authentication who) {
        if (!keys.revoke(id, who.getName())) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND, "no API key " + id);
        }
    }

    private static boolean validAddress(String a) {
        return a != null && a.strip().matches("0x[0-9a-fA-F]{40}");
    }

    private static void requireAddress(String field, String a) {
        if (!validAddress(a)) {
            throw invalid(Map.of(field, "a 0x-prefixed 20-byte hex address"));
        }
    }

    private static InvalidRequest invalid(Map<String, String> fieldErrors) {
        return new InvalidRequest(fieldErrors.entrySet().stream()
                .map(e -> Map.of("field", e.getKey(), "message", e.getValue())).toList());
    }

    static final class InvalidRequest extends RuntimeException {
        final List<Map<String, String>> errors;

        InvalidRequest(List<Map<String, String>> errors) {
            super("invalid request");
            this.errors = errors;
        }
    }

    @ExceptionHandler(InvalidRequest.class)
    ProblemDetail invalidRequest(InvalidRequest e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request has invalid fields");
        p.setType(URI.create("https://vareg.kg/problems/invalid-request"));
        p.setProperty("errors", e.errors);
        return p;
    }

    @ExceptionHandler(TokenStatusService.UnknownChainException.class)
    ProblemDetail unknownChain(TokenStatusService.UnknownChainException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setType(URI.create("https://vareg.kg/problems/unknown-chain"));
        return p;
    }
}
