package kg.vareg.backend.verification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A published third-party token contract (contracts/thirdparty/<family>/, compiled with the compiler and
 * settings it was verified with) deployed on the test node and driven by raw transactions.
 */
final class ThirdPartyContract {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigInteger GAS_LIMIT = BigInteger.valueOf(8_000_000);

    final Evm evm;
    final String address;
    /** The deployment's receipt: its block is the contract's creation block. */
    final TransactionReceipt deployment;

    private ThirdPartyContract(Evm evm, String address, TransactionReceipt deployment) {
        this.evm = evm;
        this.address = address.toLowerCase(Locale.ROOT);
        this.deployment = deployment;
    }

    static String bytecode(String family, String contract) {
        try (InputStream in = ThirdPartyContract.class.getResourceAsStream("/solidity/thirdparty/" + family + "/" + contract + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no artifact solidity/thirdparty/" + family + "/" + contract + ".json");
            }
            JsonNode artifact = JSON.readTree(in);
            return artifact.get("bytecode").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ThirdPartyContract deploy(Evm evm, int account, String family, String contract, Type<?>... constructorArgs) {
        String data = bytecode(family, contract) + FunctionEncoder.encodeConstructor(List.of(constructorArgs));
        TransactionReceipt r = send(evm, account, null, data);
        return new ThirdPartyContract(evm, r.getContractAddress(), r);
    }

    /** The same contract reached at another address (through its proxy). */
    ThirdPartyContract at(String otherAddress) {
        return new ThirdPartyContract(evm, otherAddress, deployment);
    }

    /** Sends {@code fn(args)} from the account; fails the test if it reverts. */
    TransactionReceipt call(int account, String fn, Type<?>... args) {
        return send(evm, account, address, FunctionEncoder.encode(new Function(fn, List.of(args), List.of())));
    }

    private static TransactionReceipt send(Evm evm, int account, String to, String data) {
        try {
            var gasPrice = evm.web3j().ethGasPrice().send().getGasPrice();
            EthSendTransaction sent = evm.tm(account).sendTransaction(gasPrice.multiply(BigInteger.TWO), GAS_LIMIT, to, data,
                    BigInteger.ZERO);
            if (sent.hasError()) {
                throw new IllegalStateException((to == null ? "deployment" : "call") + " refused: " + sent.getError().getMessage());
            }
            TransactionReceipt r = new PollingTransactionReceiptProcessor(evm.web3j(), 50, 400)
                    .waitForTransactionReceipt(sent.getTransactionHash());
            if (!r.isStatusOK()) {
                throw new IllegalStateException("transaction reverted: " + r.getTransactionHash());
            }
            return r;
        } catch (IOException | org.web3j.protocol.exceptions.TransactionException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static long block(TransactionReceipt r) {
        return r.getBlockNumber().longValueExact();
    }

    static String tx(TransactionReceipt r) {
        return r.getTransactionHash().toLowerCase(Locale.ROOT);
    }
}
