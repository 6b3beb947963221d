package kg.vareg.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import kg.vareg.contracts.generated.RegistryAnchor;
import kg.vareg.contracts.generated.TestIssuerToken;
import kg.vareg.contracts.generated.TokenRegistry;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.DefaultBlockParameterNumber;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * Deploys the anchor and test token contracts once and records where, so a restart reuses them.
 * A record is trusted only while the chain still has the same genesis block and code at the
 * addresses; otherwise the chain was reset and the contracts are deployed again, saying so.
 */
public final class ContractDeployments {
    public record Deployed(long chainId, String genesisHash, String anchorAddress, String tokenAddress,
                           String tokenRegistryAddress, boolean reused) {}

    private ContractDeployments() {}

    /** Fast receipts: web3j's default waits 15 s between polls. */
    public static TransactionManager transactionManager(Web3j web3j, Credentials from, long chainId) {
        return new RawTransactionManager(web3j, from, chainId, new PollingTransactionReceiptProcessor(web3j, 100, 600));
    }

    public static Deployed ensureDeployed(EvmNode node, Path record, Credentials admin, String anchorerAddress,
                                          String issuerWallet, java.util.function.Consumer<String> say) {
        Web3j web3j = node.web3j();
        String genesis = genesisHash(web3j);
        Optional<Deployed> previous = read(record);
        if (previous.isPresent()) {
            Deployed p = previous.get();
            if (p.chainId() == node.chainId() && p.genesisHash().equals(genesis)
                    && hasCode(web3j, p.anchorAddress()) && hasCode(web3j, p.tokenAddress())
                    && p.tokenRegistryAddress() != null && hasCode(web3j, p.tokenRegistryAddress())) {
                return new Deployed(p.chainId(), p.genesisHash(), p.anchorAddress(), p.tokenAddress(),
                        p.tokenRegistryAddress(), true);
            }
            say.accept("The local chain was reset (its genesis or contract code no longer matches " + record
                    + "): deploying the contracts again. Anchors recorded before this point are not on this chain.");
        }
        try {
            TransactionManager tm = transactionManager(web3j, admin, node.chainId());
            var gas = new DefaultGasProvider();
            RegistryAnchor anchor = RegistryAnchor.deploy(web3j, tm, gas, admin.getAddress(), anchorerAddress).send();
            TestIssuerToken token = TestIssuerToken.deploy(web3j, tm, gas, "vareg Test Stablecoin", "KGST",
                    BigInteger.valueOf(6), issuerWallet).send();
            TokenRegistry registry = TokenRegistry.deploy(web3j, tm, gas, admin.getAddress(), anchorerAddress).send();
            Deployed d = new Deployed(node.chainId(), genesis, anchor.getContractAddress(), token.getContractAddress(),
                    registry.getContractAddress(), false);
            write(record, d);
            return d;
        } catch (Exception e) {
            throw new IllegalStateException("cannot deploy the contracts: " + e.getMessage(), e);
        }
    }

    static String genesisHash(Web3j web3j) {
        try {
            return web3j.ethGetBlockByNumber(new DefaultBlockParameterNumber(0), false).send().getBlock().getHash();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean hasCode(Web3j web3j, String address) {
        try {
            String code = web3j.ethGetCode(address, DefaultBlockParameterName.LATEST).send().getCode();
            return code != null && code.length() > 2;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<Deployed> read(Path record) {
        if (!Files.isRegularFile(record)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(record)) {
            p.load(in);
            return Optional.of(new Deployed(Long.parseLong(p.getProperty("chain-id")), p.getProperty("genesis-hash"),
                    p.getProperty("anchor-address"), p.getProperty("token-address"), p.getProperty("token-registry-address"), true));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static void write(Path record, Deployed d) {
        Properties p = new Properties();
        p.setProperty("chain-id", Long.toString(d.chainId()));
        p.setProperty("genesis-hash", d.genesisHash());
        p.setProperty("anchor-address", d.anchorAddress());
        p.setProperty("token-address", d.tokenAddress());
        p.setProperty("token-registry-address", d.tokenRegistryAddress());
        try {
            Files.createDirectories(record.toAbsolutePath().getParent());
            try (var out = Files.newBufferedWriter(record)) {
                p.store(out, "vareg dev stack: contracts deployed on the local chain");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
