package kg.vareg.common.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** A thin wrapper around web3j for the configured chain: one client, bounded timeouts. */
public final class ChainClient implements AutoCloseable {
    private final ChainProperties properties;
    private final Web3j web3j;

    public ChainClient(ChainProperties properties) {
        this.properties = properties;
        long timeoutMillis = properties.requestTimeout().toMillis();
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .writeTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .build();
        this.web3j = Web3j.build(new HttpService(properties.rpcUrl(), http));
    }

    public Web3j web3j() {
        return web3j;
    }

    public ChainProperties properties() {
        return properties;
    }

    /** The chain id the node answers with. */
    public long answeredChainId() throws IOException {
        return web3j.ethChainId().send().getChainId().longValueExact();
    }

    public BigInteger blockNumber() throws IOException {
        return web3j.ethBlockNumber().send().getBlockNumber();
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
