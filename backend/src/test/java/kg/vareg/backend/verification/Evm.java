package kg.vareg.backend.verification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import kg.vareg.devstack.ContractDeployments;
import kg.vareg.devstack.EvmNode;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.DefaultGasProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Test helper over a real node: accounts' transaction managers, raw JSON-RPC (anvil_*, evm_*), register entries. */
final class Evm {
    static final ContractGasProvider GAS = new DefaultGasProvider();
    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1000);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final EvmNode node;
    final long chainId;

    Evm(EvmNode node, long chainId) {
        this.node = node;
        this.chainId = chainId;
    }

    Web3j web3j() {
        return node.web3j();
    }

    Credentials account(int i) {
        return node.account(i);
    }

    String address(int i) {
        return node.account(i).getAddress().toLowerCase(java.util.Locale.ROOT);
    }

    TransactionManager tm(int account) {
        return ContractDeployments.transactionManager(node.web3j(), node.account(account), chainId);
    }

    JsonNode rpc(String method, Object... params) {
        try {
            String body = JSON.writeValueAsString(java.util.Map.of("jsonrpc", "2.0", "id", 1, "method", method,
                    "params", List.of(params)));
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(node.rpcUrl()))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(r.body());
            if (answer.has("error")) {
                throw new IllegalStateException(method + ": " + answer.get("error"));
            }
            return answer.get("result");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long head() {
        return node.blockNumber().longValueExact();
    }

    void mine(long blocks) {
        rpc("anvil_mine", "0x" + Long.toHexString(blocks));
    }

    static <T> T send(org.web3j.protocol.core.RemoteCall<T> call) {
        try {
            return call.send();
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static TransactionReceipt ok(org.web3j.protocol.core.RemoteFunctionCall<TransactionReceipt> call) {
        TransactionReceipt r = send(call);
        if (!r.isStatusOK()) {
            throw new IllegalStateException("transaction failed: " + r.getTransactionHash());
        }
        return r;
    }

    static BigInteger units(long whole, int decimals) {
        return BigInteger.valueOf(whole).multiply(BigInteger.TEN.pow(decimals));
    }

    /** A register entry for a token: registered, in placement, placement period around today (¶20). */
    MonitoredToken registered(String tokenAddress, String issuerWallet, BigInteger quantity, int decimals, String name,
                              String symbol, TokenProfile profile) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Bishkek"));
        String number = String.format("KG01%02dTS%02d1", SERIAL.incrementAndGet() % 100, SERIAL.get() % 100);
        return new MonitoredToken(number, chainId, tokenAddress, issuerWallet, quantity, decimals, name, symbol,
                "STABLECOIN", EmissionPhase.PLACEMENT, null, today.minusDays(1), today.plusDays(30), profile, null);
    }
}
