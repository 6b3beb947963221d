package kg.vareg.backend.verification;

import java.util.List;
import java.util.Optional;

/**
 * The verifier's port to the register: every emission with a declared chain, issuer wallet and token
 * contract (¶5, ¶9(4)). The register supplies the adapter; the verifier never writes the register.
 */
public interface RegisteredTokens {

    /** Every token the verifier should watch (any phase: cancelled emissions are watched for burns too). */
    List<MonitoredToken> all();

    /** The registered emission whose token is at this address on this chain, if any. */
    Optional<MonitoredToken> byAddress(long chainId, String tokenAddress);
}
