package kg.vareg.worker.sender;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * EIP-1559 fees of one signed transaction. A replacement at the same nonce is accepted by a node's
 * pool only if BOTH fees rise by the pool's price bump (geth: 10 %, erigon / besu / nethermind up to
 * 12.5 %); {@link #bumped} raises both by at least the configured percentage (never below 12.5 %) and
 * never below what the market asks now.
 */
public record Fees(BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas) {

    /** The smallest bump any mainstream client accepts for a replacement (erigon's and besu's default). */
    public static final BigDecimal MIN_BUMP_PERCENT = new BigDecimal("12.5");

    public Fees {
        Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
        Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
        if (maxPriorityFeePerGas.signum() < 0 || maxFeePerGas.compareTo(maxPriorityFeePerGas) < 0) {
            throw new IllegalArgumentException("need 0 <= maxPriorityFeePerGas <= maxFeePerGas, got "
                    + maxPriorityFeePerGas + " / " + maxFeePerGas);
        }
    }

    /** The fees for a new transaction: room for the base fee to double, plus the tip. */
    public static Fees market(BigInteger baseFee, BigInteger priority) {
        BigInteger base = baseFee == null ? BigInteger.ZERO : baseFee;
        return new Fees(base.multiply(BigInteger.TWO).add(priority), priority);
    }

    /** Both fees raised by at least {@code percent} (at least 12.5 %, rounded up, +1 wei) and at least {@code market}. */
    public Fees bumped(BigDecimal percent, Fees market) {
        BigDecimal p = percent.max(MIN_BUMP_PERCENT);
        BigInteger tip = raise(maxPriorityFeePerGas, p).max(market.maxPriorityFeePerGas);
        BigInteger max = raise(maxFeePerGas, p).max(market.maxFeePerGas).max(tip);
        return new Fees(max, tip);
    }

    /** Most the transaction can cost: gas limit × max fee per gas. */
    public BigInteger worstCost(long gasLimit) {
        return maxFeePerGas.multiply(BigInteger.valueOf(gasLimit));
    }

    private static BigInteger raise(BigInteger v, BigDecimal percent) {
        BigInteger raised = new BigDecimal(v).multiply(BigDecimal.ONE.add(percent.movePointLeft(2)))
                .setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        // A zero tip stays a valid "raise" only if it actually grows.
        return raised.compareTo(v) > 0 ? raised : v.add(BigInteger.ONE);
    }
}
