package kg.vareg.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import kg.vareg.contracts.generated.RegistryAnchor;
import kg.vareg.contracts.generated.TokenRegistry;
import kg.vareg.devstack.ContractDeployments;
import kg.vareg.devstack.EvmNode;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.gas.DefaultGasProvider;

/** Deploys the contracts and inspects reverts on a real node. */
final class Chain {

    private final EvmNode node;

    Chain(EvmNode node) {
        this.node = node;
    }

    RegistryAnchor deployAnchor(Credentials admin, String anchorer) {
        try {
            return RegistryAnchor.deploy(node.web3j(), tm(admin), new DefaultGasProvider(), admin.getAddress(), anchorer)
                    .send();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    TokenRegistry deployTokenRegistry(Credentials admin, String updater) {
        try {
            return TokenRegistry.deploy(node.web3j(), tm(admin), new DefaultGasProvider(), admin.getAddress(), updater)
                    .send();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same contract, sending as {@code who}. */
    RegistryAnchor anchorAs(RegistryAnchor contract, Credentials who) {
        return RegistryAnchor.load(contract.getContractAddress(), node.web3j(), tm(who), new DefaultGasProvider());
    }

    TokenRegistry registryAs(TokenRegistry contract, Credentials who) {
        return TokenRegistry.load(contract.getContractAddress(), node.web3j(), tm(who), new DefaultGasProvider());
    }

    private org.web3j.tx.TransactionManager tm(Credentials who) {
        return ContractDeployments.transactionManager(node.web3j(), who, node.chainId());
    }

    /**
     * Expects {@code call} to revert with exactly {@code expectedError}: asks the node with eth_call
     * (which returns the revert data), then really sends the transaction and checks that the mined
     * receipt failed. Returns the failed receipt.
     */
    TransactionReceipt assertReverts(String from, String to, RemoteFunctionCall<TransactionReceipt> call,
                                     String expectedError) {
        String data = call.encodeFunctionCall();
        String revert = revertData(from, to, data);
        if (!expectedError.equalsIgnoreCase(revert)) {
            throw new AssertionError("expected revert data " + expectedError + " but got " + revert);
        }
        try {
            TransactionReceipt r = call.send();
            throw new AssertionError("transaction did not revert: " + r.getTransactionHash());
        } catch (TransactionException e) {
            TransactionReceipt r = e.getTransactionReceipt().orElseThrow();
            if (r.isStatusOK()) {
                throw new AssertionError("receipt says OK", e);
            }
            return r;
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The revert data of an eth_call, or null when it does not revert. */
    String revertData(String from, String to, String data) {
        try {
            EthCall r = node.web3j().ethCall(Transaction.createEthCallTransaction(from, to, data),
                    DefaultBlockParameterName.LATEST).send();
            if (!r.hasError()) {
                return null;
            }
            Object d = r.getError().getData();
            return d == null ? "0x" : d.toString().replace("\"", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ABI encoding of a custom error: selector of its signature, then its arguments. */
    @SafeVarargs
    static String error(String name, Type<?>... args) {
        return FunctionEncoder.encode(new Function(name, Arrays.asList((Type[]) args), List.of()));
    }

    org.web3j.protocol.core.methods.response.EthBlock.Block block(BigInteger number) {
        try {
            return node.web3j().ethGetBlockByNumber(new org.web3j.protocol.core.DefaultBlockParameterNumber(number), false)
                    .send().getBlock();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }
}
