package kg.vareg.backend.verification;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The test adapter of the register port: a test says what the register holds. */
public final class InMemoryRegisteredTokens implements RegisteredTokens {
    private final Map<String, MonitoredToken> tokens = new ConcurrentHashMap<>();

    public MonitoredToken put(MonitoredToken token) {
        tokens.put(token.chainId() + "/" + token.tokenAddress(), token);
        return token;
    }

    @Override
    public List<MonitoredToken> all() {
        return List.copyOf(tokens.values());
    }

    @Override
    public Optional<MonitoredToken> byAddress(long chainId, String tokenAddress) {
        return Optional.ofNullable(tokens.get(chainId + "/" + MonitoredToken.normalise(tokenAddress)));
    }
}
