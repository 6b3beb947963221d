package kg.vareg.verifier.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.merkle.InclusionProof;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.http.HttpService;

/** Read-only eth_calls on RegistryAnchor, encoded from its ABI (no wallet, no transaction). */
final class AnchorChain implements AutoCloseable {

    record OnChain(long size, Sha256Hash root) {
    }

    private final Web3j web3j;
    private final String contract;

    AnchorChain(String rpcUrl, String contract) {
        this.web3j = Web3j.build(new HttpService(rpcUrl));
        this.contract = contract;
    }

    OnChain latestCheckpoint() throws IOException {
        List<Type> out = call(new Function("latestCheckpoint", List.of(), List.of(
                new TypeReference<Uint64>() { }, new TypeReference<Bytes32>() { },
                new TypeReference<Uint64>() { }, new TypeReference<Uint64>() { })))
                .orElseThrow(() -> new IOException("latestCheckpoint() failed: is " + contract + " a RegistryAnchor?"));
        return new OnChain(((BigInteger) out.get(0).getValue()).longValueExact(), Sha256Hash.of((byte[]) out.get(1).getValue()));
    }

    /** rootAt(size); empty when the contract has no such function. A zero root means "not anchored". */
    Optional<Sha256Hash> rootAt(long size) throws IOException {
        return call(new Function("rootAt", List.of(new Uint64(BigInteger.valueOf(size))),
                List.of(new TypeReference<Bytes32>() { })))
                .map(out -> Sha256Hash.of((byte[]) out.get(0).getValue()));
    }

    /** verifyInclusion(leafHash, index, size, proof) as the contract computes it; empty when absent. */
    Optional<Boolean> verifyInclusion(Sha256Hash leaf, InclusionProof proof) throws IOException {
        List<Bytes32> path = new ArrayList<>();
        for (Sha256Hash h : proof.path()) {
            path.add(new Bytes32(h.toBytes()));
        }
        return call(new Function("verifyInclusion", List.of(new Bytes32(leaf.toBytes()),
                new Uint64(BigInteger.valueOf(proof.index())), new Uint64(BigInteger.valueOf(proof.treeSize())),
                new DynamicArray<>(Bytes32.class, path)), List.of(new TypeReference<Bool>() { })))
                .map(out -> (Boolean) out.get(0).getValue());
    }

    /** The root anchored for exactly {@code size}: rootAt, or latestCheckpoint on older contracts. */
    Optional<Sha256Hash> anchoredRoot(long size) throws IOException {
        Optional<Sha256Hash> r = rootAt(size);
        if (r.isPresent()) {
            return r.get().equals(Sha256Hash.of(new byte[32])) ? Optional.empty() : r;
        }
        OnChain latest = latestCheckpoint();
        return latest.size() == size ? Optional.of(latest.root()) : Optional.empty();
    }

    @SuppressWarnings("rawtypes")
    private Optional<List<Type>> call(Function f) throws IOException {
        EthCall c = web3j.ethCall(Transaction.createEthCallTransaction(null, contract, FunctionEncoder.encode(f)),
                DefaultBlockParameterName.LATEST).send();
        if (c.hasError() || c.isReverted() || c.getValue() == null || c.getValue().equals("0x")) {
            return Optional.empty();
        }
        List<Type> out = FunctionReturnDecoder.decode(c.getValue(), f.getOutputParameters());
        return out.size() == f.getOutputParameters().size() ? Optional.of(out) : Optional.empty();
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
