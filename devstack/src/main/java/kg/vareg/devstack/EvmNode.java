package kg.vareg.devstack;

import java.math.BigInteger;
import java.util.List;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;

/** A running EVM JSON-RPC node: a local anvil process or a container. */
public interface EvmNode extends AutoCloseable {

    /** The well-known development mnemonic: its accounts are funded on every dev node. Never for real money. */
    String DEV_MNEMONIC = "test test test test test test test test test test test junk";

    String rpcUrl();

    long chainId();

    Web3j web3j();

    /** Funded accounts derived from {@link #DEV_MNEMONIC}, index 0 first. */
    List<Credentials> accounts();

    default Credentials account(int index) {
        return accounts().get(index);
    }

    default BigInteger blockNumber() {
        try {
            return web3j().ethBlockNumber().send().getBlockNumber();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    void close();
}
