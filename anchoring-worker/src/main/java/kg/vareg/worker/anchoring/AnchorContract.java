package kg.vareg.worker.anchoring;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.merkle.ConsistencyProof;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;

/**
 * The two RegistryAnchor functions the worker needs, encoded from the ABI
 * ({@code anchor(uint64,bytes32,bytes32[])}, {@code latestCheckpoint()}); reads are plain eth_calls.
 */
public final class AnchorContract {

    /** The contract's latest checkpoint; size 0 when nothing was anchored yet. */
    public record OnChainCheckpoint(long size, Sha256Hash root, long timestamp, long blockNumber) {
    }

    private final Web3j web3j;
    private final String address;

    public AnchorContract(Web3j web3j, String address) {
        this.web3j = web3j;
        this.address = address;
    }

    public String address() {
        return address;
    }

    public static String encodeAnchor(long size, Sha256Hash root, ConsistencyProof proof) {
        List<Bytes32> path = new ArrayList<>();
        for (Sha256Hash h : proof.path()) {
            path.add(new Bytes32(h.toBytes()));
        }
        Function f = new Function("anchor",
                List.of(new Uint64(BigInteger.valueOf(size)), new Bytes32(root.toBytes()),
                        new DynamicArray<>(Bytes32.class, path)),
                List.of());
        return FunctionEncoder.encode(f);
    }

    @SuppressWarnings("rawtypes")
    public OnChainCheckpoint latestCheckpoint() throws IOException {
        Function f = new Function("latestCheckpoint", List.of(), List.of(
                new TypeReference<Uint64>() { }, new TypeReference<Bytes32>() { },
                new TypeReference<Uint64>() { }, new TypeReference<Uint64>() { }));
        EthCall call = web3j.ethCall(Transaction.createEthCallTransaction(null, address, FunctionEncoder.encode(f)),
                DefaultBlockParameterName.LATEST).send();
        if (call.hasError() || call.isReverted()) {
            throw new IOException("latestCheckpoint() failed at " + address + ": "
                    + (call.hasError() ? call.getError().getMessage() : call.getRevertReason()));
        }
        List<Type> out = FunctionReturnDecoder.decode(call.getValue(), f.getOutputParameters());
        if (out.size() != 4) {
            throw new IOException("latestCheckpoint() at " + address + " returned no data: is the contract deployed?");
        }
        return new OnChainCheckpoint(((BigInteger) out.get(0).getValue()).longValueExact(),
                Sha256Hash.of((byte[]) out.get(1).getValue()),
                ((BigInteger) out.get(2).getValue()).longValueExact(),
                ((BigInteger) out.get(3).getValue()).longValueExact());
    }
}
