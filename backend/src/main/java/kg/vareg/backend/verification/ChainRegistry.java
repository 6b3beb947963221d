package kg.vareg.backend.verification;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kg.vareg.common.chain.ChainProperties;

/**
 * The chains the verifier watches, by chain id, each with its own gateway. Configured under
 * {@code vareg.verifier.chains}; when none is configured, the anchoring chain ({@code vareg.chain.*})
 * is watched with 0 confirmations (a dev chain mines only on demand).
 */
public final class ChainRegistry implements AutoCloseable {
    private final Map<Long, ChainGateway> gateways = new ConcurrentHashMap<>();

    ChainRegistry(VerifierProperties properties, ChainProperties anchoringChain) {
        List<VerifierProperties.Chain> chains = properties.chains();
        if (chains.isEmpty()) {
            chains = List.of(new VerifierProperties.Chain(anchoringChain.chainId(), anchoringChain.name(),
                    URI.create(anchoringChain.rpcUrl()), 0, 2000, anchoringChain.requestTimeout(), 3,
                    Duration.ofMillis(200), null));
        }
        chains.forEach(this::add);
    }

    /** Adds (or replaces) a watched chain at run time, e.g. a chain named in a new decision. */
    public void add(VerifierProperties.Chain chain) {
        ChainGateway previous = gateways.put(chain.chainId(), new ChainGateway(chain));
        if (previous != null) {
            previous.close();
        }
    }

    public Optional<ChainGateway> byId(long chainId) {
        return Optional.ofNullable(gateways.get(chainId));
    }

    /** By chain id ("1", "56") or by the name written in decisions (case-insensitive, "Ethereum"). */
    public Optional<ChainGateway> byIdOrName(String chain) {
        String c = chain.trim();
        if (c.matches("\\d{1,18}")) {
            return byId(Long.parseLong(c));
        }
        String wanted = slug(c);
        return gateways.values().stream().filter(g -> slug(g.settings().name()).equals(wanted)).findFirst();
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    public List<ChainGateway> all() {
        return new ArrayList<>(gateways.values());
    }

    @Override
    public void close() {
        gateways.values().forEach(ChainGateway::close);
    }
}
