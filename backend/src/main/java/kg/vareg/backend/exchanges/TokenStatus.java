package kg.vareg.backend.exchanges;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The exchange API's answer about one contract address (docs/exchange-api.md). Amounts are decimal
 * strings in base units (uint256 does not fit JSON numbers).
 *
 * @param registered whether a registered emission declares this contract on this chain (¶12, ¶58: deals in
 *     unregistered VAs are prohibited in the KR)
 * @param state the emission's state in the register
 * @param verification the last block the verifier checked, and what the chain showed there; null before the first check
 * @param openFindings the verifier's open findings on this token
 * @param chainFindings open findings on the chain itself (unreachable, lagging): the answer may be stale
 * @param proof ties the answer to the latest anchored checkpoint: status ANCHORED (with the inclusion proof, signed
 *     checkpoint note, anchor and pendingChanges), NOT_ANCHORED, NO_ENTRY or NOT_REGISTERED (docs/exchange-api.md)
 */
public record TokenStatus(
        Chain chain,
        String address,
        boolean registered,
        String registrationNumber,
        String state,
        String vaType,
        String issuerWallet,
        String registeredQuantity,
        Integer decimals,
        Verification verification,
        List<FindingView> openFindings,
        List<FindingView> chainFindings,
        Map<String, Object> proof) {

    public record Chain(long id, String name) {}

    public record Verification(long block, String blockHash, String totalSupply, String supplyFromEvents,
                               String issuerBalance, String proxyKind, String implementation, Instant verifiedAt) {}

    public record FindingView(String kind, String title, String severity, String paragraph, Long block, String txHash,
                              String detail, Instant openedAt) {}
}
