package kg.vareg.backend.verification;

/**
 * How a token announces changes of its supply. The register records it with the token; the verifier
 * reads mints and burns accordingly. Placements are always ERC-20 {@code Transfer}s out of the issuer wallet.
 */
public enum TokenProfile {
    /** ERC-20: {@code Transfer} from the zero address = mint, to the zero address = burn. */
    TRANSFER,
    /** Tether style: {@code Issue(uint256)} credits the issuer wallet, {@code Redeem(uint256)} debits it. */
    ISSUE_REDEEM,
    /** {@code Mint(address indexed to, uint256)} and {@code Burn(address indexed burner, uint256)}; a
     *  {@code Transfer} from/to zero that some such tokens emit as well is then not counted twice. */
    MINT_BURN,
    /** No supply events at all: supply changes are seen only as {@code totalSupply()} moving between scans. */
    NONE
}
