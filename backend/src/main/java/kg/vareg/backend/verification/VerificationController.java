package kg.vareg.backend.verification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The verifier's results: per-token regulator view (public, like the register: on-chain facts and the
 * regulator's findings, no personal data) and the supervisors' alert list.
 */
@RestController
@Tag(name = "On-chain verification")
class VerificationController {
    private final VerificationQueries queries;
    private final ChainRegistry chains;
    private final AlertService alerts;

    VerificationController(VerificationQueries queries, ChainRegistry chains, AlertService alerts) {
        this.queries = queries;
        this.chains = chains;
        this.alerts = alerts;
    }

    /** Supply over time, mints, burns, placements and findings of one token. */
    record TokenView(long chainId, String tokenAddress, VerificationQueries.VerifiedState verified,
                     List<VerificationQueries.SupplyPoint> supplyOverTime, List<ChainEvent> mints, List<ChainEvent> burns,
                     List<ChainEvent> placements, List<ChainEvent> returns, List<ChainEvent> upgrades,
                     List<Finding> findings) {}

    @GetMapping("/api/v1/public/verification/{chain}/{address}")
    @Operation(summary = "Regulator view of one token: supply over time, mints, burns, placements, findings (latest 1000 events of each kind)")
    TokenView token(@PathVariable String chain, @PathVariable String address) {
        long chainId = chains.byIdOrName(chain).map(ChainGateway::chainId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "chain '" + chain + "' is not watched"));
        String token;
        try {
            token = MonitoredToken.normalise(address);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "address: a 0x-prefixed 20-byte hex address");
        }
        var verified = queries.verifiedState(chainId, token)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "token " + token + " has not been verified"));
        return new TokenView(chainId, token, verified, queries.supplyOverTime(chainId, token),
                queries.events(chainId, token, EventKind.MINT, 1000), queries.events(chainId, token, EventKind.BURN, 1000),
                queries.events(chainId, token, EventKind.PLACEMENT, 1000), queries.events(chainId, token, EventKind.RETURN, 1000),
                queries.events(chainId, token, EventKind.UPGRADED, 1000), queries.allFindings(chainId, token));
    }

    @GetMapping("/api/v1/verifier/alerts")
    @Operation(summary = "Supervisors' alerts, newest first (SUPERVISOR, REGISTRAR)")
    List<Alert> alerts(@RequestParam(defaultValue = "false") boolean unacknowledged,
                       @RequestParam(defaultValue = "100") int limit) {
        return alerts.recent(unacknowledged, Math.clamp(limit, 1, 1000));
    }

    @PostMapping("/api/v1/verifier/alerts/{id}/acknowledge")
    @Operation(summary = "Acknowledge an alert (the finding itself stays until the chain or the register changes)")
    Map<String, Object> acknowledge(@PathVariable long id, Authentication who) {
        if (!alerts.acknowledge(id, who.getName())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no alert " + id);
        }
        return Map.of("id", id, "acknowledged", true);
    }
}
