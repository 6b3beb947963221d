package kg.vareg.backend.verification;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.http.HttpService;

/**
 * A thin web3j wrapper for one watched chain: bounded timeouts, retries with exponential backoff
 * (Spring's {@link RetryTemplate}), and errors the scanner can act on. It never blocks the register:
 * only the scheduled verifier calls it, and every call is bounded by the request timeout × retries.
 */
public final class ChainGateway implements AutoCloseable {
    private final VerifierProperties.Chain settings;
    private final Web3j web3j;
    private final RetryTemplate retry;

    public ChainGateway(VerifierProperties.Chain settings) {
        this.settings = settings;
        long timeout = settings.requestTimeout().toMillis();
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .writeTimeout(timeout, TimeUnit.MILLISECONDS)
                .build();
        this.web3j = Web3j.build(new HttpService(settings.rpcUrl().toString(), http));
        this.retry = new RetryTemplate(RetryPolicy.builder()
                .maxRetries(settings.retries())
                .delay(settings.retryDelay())
                .multiplier(2)
                .maxDelay(settings.retryDelay().multipliedBy(16))
                .includes(IOException.class, NodeErrorException.class)
                .build());
    }

    public VerifierProperties.Chain settings() {
        return settings;
    }

    public long chainId() {
        return settings.chainId();
    }

    public long head() {
        return call("eth_blockNumber", () -> web3j.ethBlockNumber().send()).getBlockNumber().longValueExact();
    }

    public BlockRef block(long number) {
        EthBlock.Block b = call("eth_getBlockByNumber", () -> web3j.ethGetBlockByNumber(
                DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false).send()).getBlock();
        if (b == null) {
            throw new ChainUnavailableException("block " + number + " is not known to the node of chain " + settings.name(), null);
        }
        return new BlockRef(number, b.getHash(), b.getParentHash(), Instant.ofEpochSecond(b.getTimestamp().longValueExact()));
    }

    /** The hex code at the address at that block ("0x" when none). */
    public String code(String address, long block) {
        return call("eth_getCode", () -> web3j.ethGetCode(address, at(block)).send()).getCode();
    }

    /** A 32-byte storage word at that block, as hex. */
    public String storageAt(String address, BigInteger slot, long block) {
        return call("eth_getStorageAt", () -> web3j.ethGetStorageAt(address, slot, at(block)).send()).getData();
    }

    /** eth_call at that block; empty when the call reverts or the contract does not answer the function. */
    public Optional<String> ethCall(String to, String data, long block) {
        var response = callAllowingError("eth_call",
                () -> web3j.ethCall(Transaction.createEthCallTransaction(null, to, data), at(block)).send());
        if (response.hasError() || response.isReverted() || response.getValue() == null || "0x".equals(response.getValue())) {
            return Optional.empty();
        }
        return Optional.of(response.getValue());
    }

    /** The sender of a transaction (who minted). */
    public TxParties transactionParties(String txHash) {
        var tx = call("eth_getTransactionByHash", () -> web3j.ethGetTransactionByHash(txHash).send()).getTransaction()
                .orElseThrow(() -> new ChainUnavailableException("transaction " + txHash + " not found", null));
        return new TxParties(tx.getFrom(), tx.getTo(), tx.getInput());
    }

    /** @param input the call data (who an {@code issue(address,uint256)} credited) */
    record TxParties(String from, String to, String input) {}

    /**
     * eth_getLogs over [from, to] for one contract and any of the given first topics. A JSON-RPC error or
     * a timeout is a refusal of the range ({@link LogRangeRefusedException}); a connection failure,
     * after retries, is {@link ChainUnavailableException}.
     */
    public List<Log> logs(String address, long from, long to, List<String> topic0s) {
        EthFilter filter = new EthFilter(at(from), at(to), address);
        filter.addOptionalTopics(topic0s.toArray(String[]::new));
        EthLog answer;
        try {
            answer = retry.execute(() -> {
                try {
                    return web3j.ethGetLogs(filter).send();
                } catch (InterruptedIOException timeout) {
                    // A timeout on a log query usually means the range is too heavy: halve, do not retry.
                    throw new LogRangeRefusedException("eth_getLogs [" + from + ", " + to + "] timed out");
                }
            });
        } catch (RetryException e) {
            if (e.getCause() instanceof LogRangeRefusedException refused) {
                throw refused;
            }
            throw unavailable("eth_getLogs", e);
        }
        if (answer.hasError()) {
            throw new LogRangeRefusedException("eth_getLogs [" + from + ", " + to + "] refused: " + answer.getError().getMessage());
        }
        return answer.getLogs().stream().map(r -> (Log) r.get()).toList();
    }

    /**
     * What a supply change's block holds for one token: the hashes of the transactions that logged anything
     * from it, were sent to it or created it, in block order, and the first topics of its logs (what explains the change).
     */
    public BlockActivity activity(String address, long block) {
        EthFilter filter = new EthFilter(at(block), at(block), address);
        List<Log> logs = call("eth_getLogs", () -> web3j.ethGetLogs(filter).send()).getLogs().stream()
                .map(r -> (Log) r.get()).toList();
        EthBlock.Block b = call("eth_getBlockByNumber", () -> web3j.ethGetBlockByNumber(at(block), true).send()).getBlock();
        java.util.LinkedHashSet<String> txs = new java.util.LinkedHashSet<>();
        for (var r : b.getTransactions()) {
            var tx = (org.web3j.protocol.core.methods.response.Transaction) r.get();
            boolean logged = logs.stream().anyMatch(l -> l.getTransactionHash().equalsIgnoreCase(tx.getHash()));
            boolean created = tx.getTo() == null && tx.getNonce() != null
                    && address.equalsIgnoreCase(org.web3j.crypto.ContractUtils.generateContractAddress(tx.getFrom(), tx.getNonce()));
            if (logged || created || address.equalsIgnoreCase(tx.getTo())) {
                txs.add(tx.getHash().toLowerCase(java.util.Locale.ROOT));
            }
        }
        List<String> topics = logs.stream().filter(l -> l.getTopics() != null && !l.getTopics().isEmpty())
                .map(l -> l.getTopics().getFirst().toLowerCase(java.util.Locale.ROOT)).toList();
        return new BlockActivity(b.getHash().toLowerCase(java.util.Locale.ROOT), List.copyOf(txs), topics);
    }

    public record BlockActivity(String blockHash, List<String> txHashes, List<String> topics) {}

    private static DefaultBlockParameter at(long block) {
        return DefaultBlockParameter.valueOf(BigInteger.valueOf(block));
    }

    @FunctionalInterface
    private interface RpcCall<T extends Response<?>> {
        T send() throws IOException;
    }

    private <T extends Response<?>> T call(String method, RpcCall<T> rpc) {
        T response = callAllowingError(method, () -> {
            T r = rpc.send();
            if (r.hasError()) {
                throw new NodeErrorException(method + ": " + r.getError().getMessage());
            }
            return r;
        });
        return response;
    }

    private <T extends Response<?>> T callAllowingError(String method, RpcCall<T> rpc) {
        try {
            return retry.execute(rpc::send);
        } catch (RetryException e) {
            throw unavailable(method, e);
        }
    }

    private ChainUnavailableException unavailable(String method, RetryException e) {
        Throwable last = e.getLastException() != null ? e.getLastException() : e.getCause();
        return new ChainUnavailableException("chain " + settings.name() + " (" + settings.chainId() + "): " + method
                + " failed after " + (settings.retries() + 1) + " attempt(s): "
                + (last == null ? "unknown" : last.getClass().getSimpleName() + " " + last.getMessage()), last);
    }

    /** A JSON-RPC error answer where the method should not fail: retried like an I/O error. */
    static final class NodeErrorException extends RuntimeException {
        NodeErrorException(String message) {
            super(message);
        }
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
