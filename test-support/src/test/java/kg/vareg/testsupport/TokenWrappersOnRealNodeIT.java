package kg.vareg.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import kg.vareg.contracts.generated.TestIssuerToken;
import kg.vareg.devstack.ContractDeployments;
import kg.vareg.devstack.EvmNode;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.gas.DefaultGasProvider;

/** The generated wrappers against the real dev node: deploy the test token, mint, burn, read the events back. */
@WithEvmNode
class TokenWrappersOnRealNodeIT {
    private static final String ZERO = Address.DEFAULT.getValue();

    @Test
    void deploysMintsBurnsAndReadsTransferEventsBack(EvmNode node) throws Exception {
        Credentials issuer = node.account(2);
        Credentials holder = node.account(3);
        var gas = new DefaultGasProvider();
        TestIssuerToken token = TestIssuerToken.deploy(node.web3j(),
                ContractDeployments.transactionManager(node.web3j(), issuer, node.chainId()), gas,
                "Som Stablecoin", "KGSS", BigInteger.valueOf(6), issuer.getAddress()).send();

        assertThat(token.decimals().send()).isEqualTo(BigInteger.valueOf(6));
        assertThat(node.web3j().ethGetCode(token.getContractAddress(), DefaultBlockParameterName.LATEST).send().getCode())
                .hasSizeGreaterThan(2);

        TransactionReceipt mint = token.mint(holder.getAddress(), BigInteger.valueOf(1_000_000)).send();
        List<TestIssuerToken.TransferEventResponse> minted = TestIssuerToken.getTransferEvents(mint);
        assertThat(minted).singleElement().satisfies(e -> {
            assertThat(e.from).isEqualTo(ZERO);
            assertThat(e.to).isEqualToIgnoringCase(holder.getAddress());
            assertThat(e.value).isEqualTo(BigInteger.valueOf(1_000_000));
        });

        TestIssuerToken asHolder = TestIssuerToken.load(token.getContractAddress(), node.web3j(),
                ContractDeployments.transactionManager(node.web3j(), holder, node.chainId()), gas);
        TransactionReceipt burn = asHolder.burn(BigInteger.valueOf(250_000)).send();
        assertThat(TestIssuerToken.getTransferEvents(burn)).singleElement().satisfies(e -> {
            assertThat(e.from).isEqualToIgnoringCase(holder.getAddress());
            assertThat(e.to).isEqualTo(ZERO);
            assertThat(e.value).isEqualTo(BigInteger.valueOf(250_000));
        });
        assertThat(token.totalSupply().send()).isEqualTo(BigInteger.valueOf(750_000));
        assertThat(token.balanceOf(holder.getAddress()).send()).isEqualTo(BigInteger.valueOf(750_000));

        // The same events, read back from the chain's logs rather than from the receipts.
        var events = token.transferEventFlowable(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST)
                .take(2).toList().blockingGet();
        assertThat(events).extracting(e -> e.value).containsExactly(BigInteger.valueOf(1_000_000), BigInteger.valueOf(250_000));
    }

    @Test
    void onlyTheIssuerWalletMints(EvmNode node) throws Exception {
        Credentials issuer = node.account(2);
        Credentials stranger = node.account(4);
        var gas = new DefaultGasProvider();
        TestIssuerToken token = TestIssuerToken.deploy(node.web3j(),
                ContractDeployments.transactionManager(node.web3j(), issuer, node.chainId()), gas,
                "Som Stablecoin", "KGSS", BigInteger.valueOf(6), issuer.getAddress()).send();
        TestIssuerToken asStranger = TestIssuerToken.load(token.getContractAddress(), node.web3j(),
                ContractDeployments.transactionManager(node.web3j(), stranger, node.chainId()), gas);

        assertThatThrownBy(() -> asStranger.mint(stranger.getAddress(), BigInteger.ONE).send())
                .hasMessageContaining("revert");
        assertThat(token.totalSupply().send()).isZero();
    }
}
