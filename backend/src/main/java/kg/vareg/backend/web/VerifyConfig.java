package kg.vareg.backend.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Hash;

/**
 * What the "verify in your browser" script needs to ask the chain itself: the public JSON-RPC URL, the chain id
 * and the anchor contract, plus the 4-byte selectors of its views (keccak-256 is not in WebCrypto, so the server
 * computes them from the signatures; the page shows the signatures so anyone can recompute them).
 */
@Component("verifyConfig")
public class VerifyConfig {
    public static final String VERIFY_INCLUSION = "verifyInclusion(bytes32,uint64,uint64,bytes32[])";
    public static final String ROOT_AT = "rootAt(uint64)";

    private final String rpcUrl;
    private final long chainId;
    private final String anchorAddress;

    VerifyConfig(@Value("${vareg.web.public-rpc-url:${vareg.chain.rpc-url:}}") String rpcUrl,
            @Value("${vareg.chain.chain-id:0}") long chainId,
            @Value("${vareg.anchor.contract-address:}") String anchorAddress) {
        this.rpcUrl = rpcUrl == null ? "" : rpcUrl.trim();
        this.chainId = chainId;
        this.anchorAddress = anchorAddress == null ? "" : anchorAddress.trim();
    }

    public String getRpcUrl() { return rpcUrl; }
    public long getChainId() { return chainId; }
    public String getAnchorAddress() { return anchorAddress; }
    public String getVerifyInclusionSignature() { return VERIFY_INCLUSION; }
    public String getRootAtSignature() { return ROOT_AT; }
    public String getVerifyInclusionSelector() { return selector(VERIFY_INCLUSION); }
    public String getRootAtSelector() { return selector(ROOT_AT); }

    static String selector(String signature) {
        return Hash.sha3String(signature).substring(0, 10);
    }
}
