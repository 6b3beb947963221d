package kg.vareg.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import kg.vareg.devstack.AnvilNode;
import kg.vareg.devstack.DevAccounts;
import kg.vareg.devstack.EvmNode;
import org.testcontainers.containers.GenericContainer;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The real EVM node of a test run: started once per JVM and shared ({@link #shared()}), or a private
 * one a test may stop, restart and reorg ({@link #startPrivate()}). anvil from contracts/node_modules
 * as a child process by default; a Testcontainers container of the Foundry image where Docker answers.
 */
public final class TestChain {
    private static volatile EvmNode shared;

    private TestChain() {}

    public static synchronized EvmNode shared() {
        if (shared == null) {
            shared = Docker.answers() ? container() : AnvilNode.startEphemeral();
        }
        return shared;
    }

    /** A node of the test's own, on its own port: for fault tests that stop or reorg it. */
    public static AnvilNode startPrivate() {
        return AnvilNode.startEphemeral();
    }

    private static EvmNode container() {
        GenericContainer<?> c = new GenericContainer<>("ghcr.io/foundry-rs/foundry:stable")
                .withCommand("anvil --host 0.0.0.0 --chain-id " + AnvilNode.DEFAULT_CHAIN_ID)
                .withExposedPorts(8545);
        c.start();
        Runtime.getRuntime().addShutdownHook(new Thread(c::stop, "anvil-container-stop"));
        String url = "http://" + c.getHost() + ":" + c.getMappedPort(8545);
        Web3j web3j = Web3j.build(new HttpService(url));
        List<Credentials> accounts = DevAccounts.derive(EvmNode.DEV_MNEMONIC, 10);
        return new EvmNode() {
            public String rpcUrl() {
                return url;
            }

            public long chainId() {
                try {
                    return web3j.ethChainId().send().getChainId().longValueExact();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            public Web3j web3j() {
                return web3j;
            }

            public List<Credentials> accounts() {
                return accounts;
            }

            public void close() {
                c.stop();
            }
        };
    }
}
