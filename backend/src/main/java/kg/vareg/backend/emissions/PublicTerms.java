package kg.vareg.backend.emissions;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import kg.vareg.backend.register.Commitments;

/** The ¶5 / ¶62 public fields of an emission, JSON-ready (amounts as strings), and the digest of a draft's decision data. */
final class PublicTerms {
    private PublicTerms() {}

    static Map<String, Object> of(Emission e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vaType", e.vaType().name());
        m.put("quantity", e.quantity().toString());
        m.put("tokenDecimals", e.tokenDecimals());
        m.put("nominalValue", e.nominalValue().stripTrailingZeros().toPlainString());
        m.put("nominalCurrency", e.nominalCurrency());
        m.put("placementPrice", e.placementPrice());
        m.put("placementStart", e.placementStart().toString());
        m.put("placementEnd", e.placementEnd().toString());
        m.put("blockchain", e.blockchain());
        m.put("issuerWallet", e.issuerWallet());
        m.put("tokenAddress", e.tokenAddress());
        // declared token metadata only when given, so the digest of applications without it stays as before
        OnChainToken token = e.terms().token();
        if (token.profile() != null) m.put("tokenProfile", token.profile().name());
        if (token.name() != null) m.put("tokenName", token.name());
        if (token.symbol() != null) m.put("tokenSymbol", token.symbol());
        return m;
    }

    /** The commitment to a draft's decision data journaled with ApplicationDrafted / ApplicationAmended. */
    static String decisionDigest(Emission e) {
        return "sha256:" + Commitments.sha256Hex(Commitments.canonicalText(of(e)).getBytes(StandardCharsets.UTF_8));
    }
}
