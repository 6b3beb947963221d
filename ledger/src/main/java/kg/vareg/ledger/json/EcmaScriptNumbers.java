package kg.vareg.ledger.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * ECMAScript {@code Number.prototype.toString()} for finite doubles (ECMA-262 §6.1.6.1.20,
 * referenced by RFC 8785 §3.2.2.3).
 *
 * <p>Since JDK 19, {@link Double#toString(double)} yields the shortest decimal that rounds back to
 * the same double, picking the one closest to the exact value when several are equally short
 * (JDK-4511638) — the digit selection ECMAScript requires, with one exception: when a single digit
 * would do, Java may still print two if they are closer (4.9E-324 for Double.MIN_VALUE, where
 * ECMAScript says 5e-324). {@link #shortestDigits} corrects that case. The digits are then laid
 * out with ECMAScript's (different) formatting rules.
 */
public final class EcmaScriptNumbers {

    private EcmaScriptNumbers() {
    }

    /** Formats a finite double; NaN and infinities are not JSON and are rejected. */
    public static String toString(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new JsonException("NaN and Infinity cannot be represented in JSON");
        }
        if (value == 0) {
            return "0"; // also for -0.0, as ECMAScript does
        }
        StringBuilder out = new StringBuilder(32);
        if (value < 0) {
            out.append('-');
            value = -value;
        }
        BigDecimal shortest = shortestDigits(value);
        String digits = shortest.unscaledValue().toString(); // s, with k = digits.length()
        int k = digits.length();
        int n = k - shortest.scale(); // value = s × 10^(n−k)
        if (k <= n && n <= 21) {
            out.append(digits);
            out.append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int e = n - 1;
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
        return out.toString();
    }

    /** The shortest decimal that reads back as {@code value} (positive, finite), as ECMAScript picks it. */
    private static BigDecimal shortestDigits(double value) {
        BigDecimal printed = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        if (printed.precision() != 2) {
            return printed;
        }
        // Java prints two digits even when one suffices if the two are closer; try the one-digit
        // neighbours, and among those that read back as value take the one nearest to it.
        BigDecimal exact = new BigDecimal(value);
        BigDecimal best = null;
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
            BigDecimal candidate = printed.round(new MathContext(1, mode));
            if (candidate.signum() > 0 && Double.parseDouble(candidate.toString()) == value
                    && (best == null || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                best = candidate;
            }
        }
        return best == null ? printed : best.stripTrailingZeros();
    }
}
