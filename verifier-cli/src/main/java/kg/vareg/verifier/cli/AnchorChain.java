package kg.vareg.verifier.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.merkle.InclusionProof;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/** Read-only eth_calls and eth_getLogs on RegistryAnchor, encoded from its ABI (no wallet, no transaction). */
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

    /** checkpointAt(sequence) as (size, root); empty when the contract has no such checkpoint. */
    Optional<OnChain> checkpointAt(long sequence) throws IOException {
        return call(new Function("checkpointAt", List.of(new Uint256(BigInteger.valueOf(sequence))), List.of(
                new TypeReference<Uint64>() { }, new TypeReference<Bytes32>() { },
                new TypeReference<Uint64>() { }, new TypeReference<Uint64>() { })))
                .map(out -> new OnChain(((BigInteger) out.get(0).getValue()).longValueExact(),
                        Sha256Hash.of((byte[]) out.get(1).getValue())));
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

    /** One {@code CheckpointAnchored(uint256 indexed sequence, uint64 indexed size, bytes32 root, uint64 timestamp)}. */
    record Anchored(long sequence, long size, Sha256Hash root, long timestamp, long blockNumber, String txHash) {
    }

    static final Event CHECKPOINT_ANCHORED = new Event("CheckpointAnchored", List.of(
            new TypeReference<Uint256>(true) { }, new TypeReference<Uint64>(true) { },
            new TypeReference<Bytes32>(false) { }, new TypeReference<Uint64>(false) { }));

    long headBlock() throws IOException {
        return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
    }

    /**
     * The contract's CheckpointAnchored events in blocks [from, to], in chain order. The range is split
     * when the node refuses it (providers cap eth_getLogs ranges or result sizes): halve and retry.
     */
    List<Anchored> anchoredEvents(long from, long to) throws IOException {
        List<Anchored> out = new ArrayList<>();
        long start = from;
        long span = Math.max(1, to - from + 1);
        while (start <= to) {
            long end = Math.min(to, start + span - 1);
            EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(start)),
                    DefaultBlockParameter.valueOf(BigInteger.valueOf(end)), contract);
            filter.addSingleTopic(EventEncoder.encode(CHECKPOINT_ANCHORED));
            EthLog logs = web3j.ethGetLogs(filter).send();
            if (logs.hasError()) {
                if (span == 1) {
                    throw new IOException("eth_getLogs failed at block " + start + ": " + logs.getError().getMessage());
                }
                span = Math.max(1, span / 2);
                continue;
            }
            for (EthLog.LogResult<?> r : logs.getLogs()) {
                Log l = (Log) r.get();
                if (l.isRemoved()) {
                    continue;
                }
                List<Type> data = FunctionReturnDecoder.decode(l.getData(), CHECKPOINT_ANCHORED.getNonIndexedParameters());
                out.add(new Anchored(Numeric.toBigInt(l.getTopics().get(1)).longValueExact(),
                        Numeric.toBigInt(l.getTopics().get(2)).longValueExact(),
                        Sha256Hash.of((byte[]) data.get(0).getValue()),
                        ((BigInteger) data.get(1).getValue()).longValueExact(),
                        l.getBlockNumber().longValueExact(), l.getTransactionHash()));
            }
            start = end + 1;
        }
        return out;
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
