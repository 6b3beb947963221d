package kg.vareg.contracts;

import static kg.vareg.contracts.Chain.big;
import static kg.vareg.contracts.Chain.error;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import kg.vareg.contracts.generated.TokenRegistry;
import kg.vareg.devstack.EvmNode;
import kg.vareg.testsupport.WithEvmNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * TokenRegistry, the on-chain mirror of a token's registration status (issue 6 item 6), on a real
 * node: only the updater writes, every write is an event, the views answer per chain.
 */
@WithEvmNode
class TokenRegistryIT {

    private static final byte[] UPDATER_ROLE = Hash.sha3("UPDATER_ROLE".getBytes(StandardCharsets.US_ASCII));
    private static final String TOKEN = "0x00000000000000000000000000000000000a11ce";
    private static final byte[] NUMBER = number("KG0107AB121");
    private static final BigInteger QUANTITY = new BigInteger("1000000000000000000000000");

    private EvmNode node;
    private Chain chain;
    private Credentials admin;
    private Credentials updater;
    private Credentials stranger;
    private TokenRegistry registry;

    @BeforeEach
    void deploy(EvmNode node) {
        this.node = node;
        chain = new Chain(node);
        admin = node.account(0);
        updater = node.account(3);
        stranger = node.account(4);
        registry = chain.registryAs(chain.deployTokenRegistry(admin, updater.getAddress()), updater);
    }

    @Test
    void unknownTokenIsNotRegistered() throws Exception {
        var s = registry.statusOf(big(node.chainId()), TOKEN).send();
        assertThat(s.component1()).isFalse();
        assertThat(s.component2()).isEqualTo(new byte[12]);
        assertThat(s.component3()).isEqualTo(BigInteger.ZERO);
        assertThat(s.component6()).isEqualTo(BigInteger.ZERO);
        assertThat(registry.isRegistered(TOKEN).send()).isFalse();
    }

    @Test
    void updaterWritesStatusAndEveryWriteIsAnEvent() throws Exception {
        TransactionReceipt r = registry.setStatus(big(node.chainId()), TOKEN, NUMBER, big(2), big(1), QUANTITY).send();

        var s = registry.statusOf(big(node.chainId()), TOKEN).send();
        assertThat(s.component1()).isTrue();
        assertThat(s.component2()).isEqualTo(NUMBER);
        assertThat(s.component3()).isEqualTo(big(2));
        assertThat(s.component4()).isEqualTo(big(1));
        assertThat(s.component5()).isEqualTo(QUANTITY);
        assertThat(s.component6()).isEqualTo(chain.block(r.getBlockNumber()).getTimestamp());
        assertThat(registry.isRegistered(TOKEN).send()).isTrue();
        assertThat(registry.isInGoodStanding(TOKEN).send()).isTrue();

        var events = TokenRegistry.getTokenStatusChangedEvents(r);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).chainId).isEqualTo(big(node.chainId()));
        assertThat(events.get(0).token).isEqualToIgnoringCase(TOKEN);
        assertThat(events.get(0).registrationNumber).isEqualTo(NUMBER);
        assertThat(events.get(0).state).isEqualTo(big(2));
        assertThat(events.get(0).vaType).isEqualTo(big(1));
        assertThat(events.get(0).registeredQuantity).isEqualTo(QUANTITY);
    }

    @Test
    void statesDecideRegisteredAndGoodStanding() throws Exception {
        BigInteger chainId = big(node.chainId());
        // state code -> (registered, in good standing)
        boolean[][] expected = {
                {false, false}, {true, true}, {true, true}, {true, false}, {true, true},
                {true, true}, {false, false}, {false, false}, {false, false}, {false, false}};
        for (int state = 1; state < expected.length; state++) {
            registry.setStatus(chainId, TOKEN, NUMBER, big(state), big(2), QUANTITY).send();
            assertThat(registry.isRegistered(TOKEN).send()).as("registered in state %d", state).isEqualTo(expected[state][0]);
            assertThat(registry.statusOf(chainId, TOKEN).send().component1()).isEqualTo(expected[state][0]);
            assertThat(registry.isInGoodStanding(TOKEN).send()).as("good standing in state %d", state)
                    .isEqualTo(expected[state][1]);
        }
        registry.setStatus(chainId, TOKEN, new byte[12], big(0), big(0), BigInteger.ZERO).send();
        assertThat(registry.isRegistered(TOKEN).send()).isFalse();
    }

    @Test
    void statusIsPerChain() throws Exception {
        registry.setStatus(big(56), TOKEN, NUMBER, big(1), big(1), QUANTITY).send();
        assertThat(registry.statusOf(big(56), TOKEN).send().component1()).isTrue();
        assertThat(registry.statusOf(big(node.chainId()), TOKEN).send().component1()).isFalse();
        // isRegistered answers for the chain the contract runs on only.
        assertThat(registry.isRegistered(TOKEN).send()).isFalse();
    }

    @Test
    void onlyTheUpdaterWritesAndTheAdminManagesUpdaters() throws Exception {
        TokenRegistry asStranger = chain.registryAs(registry, stranger);
        String unauthorized = error("AccessControlUnauthorizedAccount", new Address(stranger.getAddress()),
                new Bytes32(UPDATER_ROLE));
        chain.assertReverts(stranger.getAddress(), registry.getContractAddress(),
                asStranger.setStatus(big(node.chainId()), TOKEN, NUMBER, big(1), big(1), QUANTITY), unauthorized);
        assertThat(registry.isRegistered(TOKEN).send()).isFalse();

        TokenRegistry asAdmin = chain.registryAs(registry, admin);
        asAdmin.grantRole(UPDATER_ROLE, stranger.getAddress()).send();
        asStranger.setStatus(big(node.chainId()), TOKEN, NUMBER, big(1), big(1), QUANTITY).send();
        assertThat(registry.isRegistered(TOKEN).send()).isTrue();
        asAdmin.revokeRole(UPDATER_ROLE, stranger.getAddress()).send();
        chain.assertReverts(stranger.getAddress(), registry.getContractAddress(),
                asStranger.setStatus(big(node.chainId()), TOKEN, NUMBER, big(9), big(1), QUANTITY), unauthorized);
        assertThat(registry.statusOf(big(node.chainId()), TOKEN).send().component3()).isEqualTo(big(1));
    }

    @Test
    void malformedStatusesAreRefused() {
        String from = updater.getAddress();
        String to = registry.getContractAddress();
        BigInteger chainId = big(node.chainId());
        chain.assertReverts(from, to, registry.setStatus(BigInteger.ZERO, TOKEN, NUMBER, big(1), big(1), QUANTITY),
                error("ZeroChainId"));
        chain.assertReverts(from, to, registry.setStatus(chainId, "0x0000000000000000000000000000000000000000", NUMBER,
                big(1), big(1), QUANTITY), error("ZeroToken"));
        chain.assertReverts(from, to, registry.setStatus(chainId, TOKEN, NUMBER, big(10), big(1), QUANTITY),
                error("UnknownState", new Uint8(10)));
        chain.assertReverts(from, to, registry.setStatus(chainId, TOKEN, NUMBER, big(1), big(0), QUANTITY),
                error("UnknownVaType", new Uint8(0)));
        chain.assertReverts(from, to, registry.setStatus(chainId, TOKEN, new byte[12], big(1), big(1), QUANTITY),
                error("RegistrationNumberMismatch", new Uint8(1)));
        chain.assertReverts(from, to, registry.setStatus(chainId, TOKEN, NUMBER, big(0), big(0), QUANTITY),
                error("RegistrationNumberMismatch", new Uint8(0)));
    }

    /** A ¶67-68 registration number as bytes12: ASCII, left-aligned, zero-padded. */
    private static byte[] number(String n) {
        return Arrays.copyOf(n.getBytes(StandardCharsets.US_ASCII), 12);
    }
}
