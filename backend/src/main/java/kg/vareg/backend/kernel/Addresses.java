package kg.vareg.backend.kernel;

import java.util.regex.Pattern;
import org.web3j.crypto.Keys;

/** EIP-55 mixed-case checksum addresses (¶5: issuer wallet and smart-contract address). */
public final class Addresses {
    private static final Pattern HEX_ADDRESS = Pattern.compile("^0x[0-9a-fA-F]{40}$");

    private Addresses() {}

    /** True when the text is a 20-byte hex address written exactly in its EIP-55 checksum form. */
    public static boolean isChecksummed(String address) {
        return address != null && HEX_ADDRESS.matcher(address).matches() && Keys.toChecksumAddress(address).equals(address);
    }

    public static void requireChecksummed(String field, String address) {
        if (!isChecksummed(address)) {
            throw new RuleViolation("¶5", field + " must be an EIP-55 checksummed address, e.g. "
                    + (address != null && HEX_ADDRESS.matcher(address).matches() ? Keys.toChecksumAddress(address) : "0x…"));
        }
    }
}
