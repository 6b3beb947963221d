package kg.vareg.worker.sender;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The worker's transaction sender (docs/anchoring.md, "Transaction sender"; docs/operations.md for
 * per-chain profiles).
 *
 * @param bumpAfterBlocks  a transaction not included after this many blocks is replaced with higher fees
 * @param feeBumpPercent   how much both EIP-1559 fees rise per replacement (at least 12.5)
 * @param maxFeePerTxWei   cap on gas limit × max fee per gas of any one transaction (wei, &gt; 0)
 * @param maxFeePerDayWei  cap on what the wallet may commit per UTC day (wei, &gt; 0): included
 *                         transactions at their real cost, pending ones at their worst case
 * @param finality         when an included transaction counts as final: {@code CONFIRMATIONS}
 *                         (vareg.anchoring.confirmations blocks on the canonical chain), {@code SAFE}
 *                         or {@code FINALIZED} (the chain's block tags, post-merge Ethereum and most L2s)
 * @param tickBudget       the most a leader tick may spend sending before it yields (bounded ticks)
 * @param leaseKeepAlive   extend the leader lease while a tick runs (ShedLock keep-alive)
 */
@Validated
@ConfigurationProperties("vareg.sender")
public record SenderProperties(
        @DefaultValue("3") @Min(1) int bumpAfterBlocks,
        @DefaultValue("12.5") @NotNull @DecimalMin("12.5") BigDecimal feeBumpPercent,
        @DefaultValue("50000000000000000") @NotNull @Positive BigInteger maxFeePerTxWei,
        @DefaultValue("1000000000000000000") @NotNull @Positive BigInteger maxFeePerDayWei,
        @DefaultValue("CONFIRMATIONS") @NotNull Finality finality,
        @DefaultValue("PT30S") @NotNull Duration tickBudget,
        @DefaultValue("true") boolean leaseKeepAlive) {

    /** How finality is decided on this chain. */
    public enum Finality { CONFIRMATIONS, SAFE, FINALIZED }
}
