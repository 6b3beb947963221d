package kg.vareg.backend.verification;

import java.math.BigInteger;
import java.util.Optional;

/**
 * What the contract answered at one block.
 *
 * @param implementation the implementation (or beacon's implementation) a proxy points to, empty for a plain contract
 * @param proxyKind "EIP1967", "EIP1967_BEACON", "ZEPPELINOS" or "NONE"
 */
record ContractReading(
        long block,
        boolean codePresent,
        String codeHash,
        Optional<String> implementation,
        String proxyKind,
        Optional<String> name,
        Optional<String> symbol,
        Optional<Integer> decimals,
        Optional<BigInteger> totalSupply,
        Optional<BigInteger> issuerBalance,
        Optional<String> owner) {

    static ContractReading missing(long block) {
        return new ContractReading(block, false, null, Optional.empty(), "NONE", Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
