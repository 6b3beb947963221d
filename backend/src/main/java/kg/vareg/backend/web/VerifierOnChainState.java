package kg.vareg.backend.web;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kg.vareg.backend.verification.ChainEvent;
import kg.vareg.backend.verification.ChainGateway;
import kg.vareg.backend.verification.ChainRegistry;
import kg.vareg.backend.verification.EventKind;
import kg.vareg.backend.verification.MonitoredToken;
import kg.vareg.backend.verification.VerificationQueries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The pages' view of the on-chain supply verifier's stored results (never the chain itself: a page view must not wait
 * for a node). The emission's blockchain (¶5, as written in the decision) is mapped to a watched chain exactly as the
 * verifier maps it; a token the verifier has not checked yet, or a chain nobody watches, is "not yet verified".
 */
@Component
class VerifierOnChainState implements OnChainState {
    /** The page shows the latest movements; the regulator view (/api/v1/public/verification) has up to 1000 of each. */
    static final int MOVEMENTS_PER_KIND = 50;

    private final JdbcTemplate jdbc;
    private final ChainRegistry chains;
    private final VerificationQueries queries;

    VerifierOnChainState(JdbcTemplate jdbc, ChainRegistry chains, VerificationQueries queries) {
        this.jdbc = jdbc;
        this.chains = chains;
        this.queries = queries;
    }

    @Override
    public Optional<Snapshot> of(UUID emissionId) {
        record Token(String blockchain, String address) {}
        Optional<Token> token = jdbc.query("SELECT blockchain, token_address FROM registry.emission WHERE id = ?"
                        + " AND blockchain IS NOT NULL AND token_address IS NOT NULL",
                (rs, i) -> new Token(rs.getString(1), rs.getString(2)), emissionId).stream().findFirst();
        if (token.isEmpty()) return Optional.empty();
        Optional<Long> chainId = chains.byIdOrName(token.get().blockchain()).map(ChainGateway::chainId);
        if (chainId.isEmpty()) return Optional.empty();
        String address;
        try {
            address = MonitoredToken.normalise(token.get().address());
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
        long chain = chainId.get();
        return queries.verifiedState(chain, address).map(state -> new Snapshot(state.block(), state.verifiedAt(),
                state.totalSupply(), supply(chain, address), movements(chain, address),
                queries.openFindings(chain, address).stream()
                        .map(f -> new OpenFinding(f.kind().name(), f.paragraph(), f.severity().name(), f.detail(), f.openedAt()))
                        .toList()));
    }

    private List<SupplyPoint> supply(long chain, String address) {
        // totalSupply() is null where the contract did not answer it; the event sum is then the best the chain tells
        return queries.supplyOverTime(chain, address).stream().map(p -> new SupplyPoint(p.block(),
                p.totalSupply() != null ? p.totalSupply() : nonNull(p.supplyFromEvents()))).toList();
    }

    private List<Movement> movements(long chain, String address) {
        List<Movement> all = new ArrayList<>();
        for (EventKind kind : List.of(EventKind.MINT, EventKind.BURN, EventKind.PLACEMENT)) {
            for (ChainEvent e : queries.events(chain, address, kind, MOVEMENTS_PER_KIND)) {
                all.add(new Movement(kind.name(), e.blockNumber(), e.txHash(), nonNull(e.amount())));
            }
        }
        all.sort(Comparator.comparingLong(Movement::blockNumber).reversed());
        return all;
    }

    private static BigInteger nonNull(BigInteger b) {
        return b == null ? BigInteger.ZERO : b;
    }
}
