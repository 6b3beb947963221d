package kg.vareg.backend.emissions;

import kg.vareg.backend.kernel.RuleViolation;
import java.util.regex.Pattern;

/**
 * What the issuer declares the token contract will say about itself (¶5, ¶62): its supply-event profile and its ERC-20
 * name and symbol. Every part is optional; the on-chain verifier checks what is given (docs/verifier.md).
 */
public record OnChainToken(TokenEventProfile profile, String name, String symbol) {
    public static final OnChainToken UNDECLARED = new OnChainToken(null, null, null);
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    public OnChainToken {
        name = blankToNull(name);
        symbol = blankToNull(symbol);
        if (name != null && (name.length() > 100 || CONTROL.matcher(name).find())) {
            throw new RuleViolation("¶5", "the token name must be at most 100 characters without control characters");
        }
        if (symbol != null && (symbol.length() > 20 || CONTROL.matcher(symbol).find())) {
            throw new RuleViolation("¶5", "the token symbol must be at most 20 characters without control characters");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
