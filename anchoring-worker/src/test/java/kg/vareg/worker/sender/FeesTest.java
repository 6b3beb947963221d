package kg.vareg.worker.sender;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class FeesTest {

    @Test
    void replacementRaisesBothFeesByAtLeastTwelveAndAHalfPercent() {
        Fees old = new Fees(BigInteger.valueOf(2_000_000_000L), BigInteger.valueOf(1_000_000_000L));
        Fees bumped = old.bumped(new BigDecimal("12.5"), new Fees(BigInteger.ONE, BigInteger.ZERO));
        assertThat(bumped.maxFeePerGas()).isEqualTo(BigInteger.valueOf(2_250_000_000L));
        assertThat(bumped.maxPriorityFeePerGas()).isEqualTo(BigInteger.valueOf(1_125_000_000L));
        // A configured bump below 12.5 % is raised to 12.5 %.
        assertThat(old.bumped(BigDecimal.ONE, new Fees(BigInteger.ONE, BigInteger.ZERO))).isEqualTo(bumped);
    }

    @Test
    void replacementFollowsTheMarketWhenTheBaseFeeSpiked() {
        Fees old = new Fees(BigInteger.valueOf(3_000_000_000L), BigInteger.valueOf(1_000_000_000L));
        Fees market = Fees.market(BigInteger.valueOf(50_000_000_000L), BigInteger.valueOf(1_000_000_000L));
        Fees bumped = old.bumped(new BigDecimal("12.5"), market);
        assertThat(bumped.maxFeePerGas()).isEqualTo(BigInteger.valueOf(101_000_000_000L));
        assertThat(bumped.maxPriorityFeePerGas()).isEqualTo(BigInteger.valueOf(1_125_000_000L));
    }

    @Test
    void aZeroTipStillGrows() {
        Fees old = new Fees(BigInteger.TEN, BigInteger.ZERO);
        Fees bumped = old.bumped(new BigDecimal("12.5"), new Fees(BigInteger.ONE, BigInteger.ZERO));
        assertThat(bumped.maxPriorityFeePerGas()).isEqualTo(BigInteger.ONE);
        assertThat(bumped.maxFeePerGas()).isEqualTo(BigInteger.valueOf(12));
        assertThat(bumped.worstCost(21_000)).isEqualTo(BigInteger.valueOf(12 * 21_000));
    }
}
