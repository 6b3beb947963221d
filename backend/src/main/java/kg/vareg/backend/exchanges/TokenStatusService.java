package kg.vareg.backend.exchanges;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kg.vareg.backend.verification.ChainGateway;
import kg.vareg.backend.verification.ChainRegistry;
import kg.vareg.backend.verification.Finding;
import kg.vareg.backend.verification.MonitoredToken;
import kg.vareg.backend.verification.RegisteredTokens;
import kg.vareg.backend.verification.VerificationQueries;

/** Answers "is this contract a registered emission, and does the chain agree?" from stored results only. */
public final class TokenStatusService {
    private final ChainRegistry chains;
    private final RegisteredTokens register;
    private final VerificationQueries verification;
    private final Optional<RegisterEntryProofs> proofs;

    TokenStatusService(ChainRegistry chains, RegisteredTokens register, VerificationQueries verification,
                       Optional<RegisterEntryProofs> proofs) {
        this.chains = chains;
        this.register = register;
        this.verification = verification;
        this.proofs = proofs;
    }

    /** Thrown for a chain no configuration watches. */
    public static final class UnknownChainException extends RuntimeException {
        UnknownChainException(String chain) {
            super("chain '" + chain + "' is not watched by this register; use a configured chain id or name");
        }
    }

    public TokenStatus status(String chain, String address) {
        ChainGateway gateway = chains.byIdOrName(chain).orElseThrow(() -> new UnknownChainException(chain));
        long chainId = gateway.chainId();
        String token = MonitoredToken.normalise(address);
        TokenStatus.Chain chainView = new TokenStatus.Chain(chainId, gateway.settings().name());
        List<TokenStatus.FindingView> chainFindings = views(verification.openChainFindings(chainId));
        Optional<MonitoredToken> entry = register.byAddress(chainId, token);
        if (entry.isEmpty()) {
            return new TokenStatus(chainView, token, false, null, null, null, null, null, null, null, List.of(),
                    chainFindings, Map.of("status", "NOT_REGISTERED"));
        }
        MonitoredToken t = entry.get();
        TokenStatus.Verification v = verification.verifiedState(chainId, token).map(s -> new TokenStatus.Verification(
                s.block(), s.blockHash(), text(s.totalSupply()), text(s.supplyFromEvents()), text(s.issuerBalance()),
                s.proxyKind(), s.implementation(), s.verifiedAt())).orElse(null);
        // NOT_AVAILABLE only where no RegisterEntryProofs bean exists (the backend always has ProofApiRegisterEntryProofs)
        Map<String, Object> proof = proofs.flatMap(p -> p.latestFor(t.registrationNumber())).orElseGet(() -> {
            Map<String, Object> todo = new LinkedHashMap<>();
            todo.put("status", "NOT_AVAILABLE");
            todo.put("detail", "this instance has no proof source; verify the entry with the public proof API and vareg-verify");
            return todo;
        });
        return new TokenStatus(chainView, token, true, t.registrationNumber(), t.phase().name(), t.vaType(),
                t.issuerWallet(), t.registeredQuantity().toString(), t.decimals(), v,
                views(verification.openFindings(chainId, token)), chainFindings, proof);
    }

    private static String text(BigInteger n) {
        return n == null ? null : n.toString();
    }

    private static List<TokenStatus.FindingView> views(List<Finding> findings) {
        return findings.stream().map(f -> new TokenStatus.FindingView(f.kind().name(), f.kind().title(), f.severity().name(),
                f.paragraph(), f.block(), f.txHash(), f.detail(), f.openedAt())).toList();
    }
}
