package kg.vareg.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * {@code deploy}: deploys the contracts to a running development chain (the docker-compose stack's
 * one-shot "deployer") and writes a Spring properties file the backend and worker import, plus the
 * development keys beside it. The deployer is account 0 of the development mnemonic: never point
 * this at a chain with real value.
 */
final class DeployCommand {
    private DeployCommand() {}

    static void main(String[] args) {
        String rpc = null;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rpc-url" -> rpc = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                case "--help", "-h" -> {
                    System.out.println("usage: deploy --rpc-url URL --out FILE.properties   (dev chains only)");
                    return;
                }
                default -> fail("unknown option " + args[i]);
            }
        }
        if (rpc == null || out == null) {
            fail("deploy needs --rpc-url and --out (try --help)");
        }
        Web3j web3j = Web3j.build(new HttpService(rpc));
        try {
            long chainId = web3j.ethChainId().send().getChainId().longValueExact();
            var accounts = DevAccounts.derive(EvmNode.DEV_MNEMONIC, 2);
            EvmNode node = new RemoteNode(rpc, chainId, web3j, accounts);
            Path dir = out.toAbsolutePath().getParent();
            DevKeys keys = DevKeys.ensure(dir.resolve("keys"));
            var anchorer = keys.anchoringWallet();
            DevStack.fund(node, anchorer.getAddress());
            var d = ContractDeployments.ensureDeployed(node, dir.resolve("contracts.record"), accounts.get(0),
                    anchorer.getAddress(), accounts.get(1).getAddress(), line -> System.out.println("vareg: " + line));
            Files.writeString(out, String.join("\n",
                    "vareg.anchor.contract-address=" + d.anchorAddress(),
                    "vareg.token-registry.contract-address=" + d.tokenRegistryAddress(),
                    "vareg.demo.token-address=" + d.tokenAddress(),
                    "vareg.anchoring.keystore-path=" + keys.keystore(),
                    "vareg.anchoring.keystore-passphrase-file=" + keys.keystorePassphraseFile(),
                    "vareg.checkpoint.signing-key-path=" + keys.signingKey(),
                    "vareg.checkpoint.signing-key-passphrase-file=" + keys.signingKeyPassphraseFile(),
                    "vareg.checkpoint.generate-if-missing=true", ""));
            System.out.println("vareg: contracts ready on chain " + chainId + ": RegistryAnchor " + d.anchorAddress()
                    + "; settings in " + out);
        } catch (IOException | RuntimeException e) {
            fail("deploy failed: " + e.getMessage());
        } finally {
            web3j.shutdown();
        }
    }

    private record RemoteNode(String rpcUrl, long chainId, Web3j web3j, List<org.web3j.crypto.Credentials> accounts)
            implements EvmNode {
        @Override
        public void close() {}
    }

    private static void fail(String reason) {
        System.err.println("vareg: " + reason);
        System.exit(1);
    }
}
