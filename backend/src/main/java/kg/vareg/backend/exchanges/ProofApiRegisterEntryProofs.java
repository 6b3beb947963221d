package kg.vareg.backend.exchanges;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import kg.vareg.backend.proofs.RegisterEntryProof;
import kg.vareg.backend.proofs.RegisterProofs;
import org.springframework.stereotype.Component;

/**
 * The exchange API's {@code proof} field over the proof feature's facade: the emission's latest journal entry inside
 * the latest anchored checkpoint, with everything needed to check it offline (entry bytes, inclusion path, signed
 * checkpoint note) and on-chain (anchor contract, transaction, block). Shapes: docs/exchange-api.md.
 */
@Component
class ProofApiRegisterEntryProofs implements RegisterEntryProofs {
    private final RegisterProofs proofs;

    ProofApiRegisterEntryProofs(RegisterProofs proofs) {
        this.proofs = proofs;
    }

    @Override
    public Optional<Map<String, Object>> latestFor(String registrationNumber) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (proofs.latestAnchoredEntry(registrationNumber)) {
            case RegisterEntryProof.Anchored p -> {
                out.put("status", "ANCHORED");
                out.put("leafIndex", p.leafIndex());
                out.put("journalId", p.journalId());
                out.put("recordType", p.recordType());
                out.put("recordedAt", p.recordedAt());
                out.put("entry", p.entry());
                out.put("leafHash", p.leafHash());
                out.put("treeSize", p.treeSize());
                out.put("inclusionPath", p.inclusionPath());
                out.put("rootHash", p.rootHash());
                out.put("signedNote", p.signedNote());
                Map<String, Object> anchor = new LinkedHashMap<>();
                anchor.put("chainId", p.anchor().chainId());
                anchor.put("contractAddress", p.anchor().contractAddress());
                anchor.put("txHash", p.anchor().txHash());
                anchor.put("blockNumber", p.anchor().blockNumber());
                anchor.put("blockHash", p.anchor().blockHash());
                anchor.put("blockTime", p.anchor().blockTime());
                out.put("anchor", anchor);
                out.put("pendingChanges", p.pendingChanges());
                // exactly the input of `vareg-verify verify-entry --bundle` / `verify-chain --bundle`
                out.put("bundle", Map.of("entry", p.entry(), "leafIndex", p.leafIndex(), "treeSize", p.treeSize(),
                        "inclusionPath", p.inclusionPath()));
            }
            case RegisterEntryProof.NotYetAnchored p -> {
                out.put("status", "NOT_ANCHORED");
                out.put("pendingChanges", true);
                out.put("detail", p.pendingEntries() + " journal entr" + (p.pendingEntries() == 1 ? "y" : "ies")
                        + " of this emission wait for an anchored checkpoint");
            }
            case RegisterEntryProof.NoEntry n -> {
                out.put("status", "NO_ENTRY");
                out.put("detail", "no journal entry names this registration number");
            }
        }
        return Optional.of(out);
    }
}
