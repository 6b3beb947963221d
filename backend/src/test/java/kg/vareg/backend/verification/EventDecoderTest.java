package kg.vareg.backend.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.Log;

/** Logs become mints, burns, placements and returns according to the token profile. */
class EventDecoderTest {
    static final String ISSUER = "0x00000000000000000000000000000000000000bb";
    static final String HOLDER = "0x00000000000000000000000000000000000000cc";

    static String topic(String address) {
        return "0x" + "0".repeat(24) + address.substring(2);
    }

    static String word(long v) {
        return String.format("%064x", v);
    }

    static Log log(List<String> topics, String data) {
        Log l = new Log();
        l.setTopics(topics);
        l.setData(data);
        l.setTransactionHash("0xAB");
        l.setLogIndex("0x1");
        l.setBlockNumber("0x10");
        l.setBlockHash("0xCD");
        return l;
    }

    static MonitoredToken token(TokenProfile profile) {
        return new MonitoredToken("KG0101AB121", 1, FindingRulesTest.TOKEN, ISSUER, BigInteger.TEN, 0, null, null, null,
                        EmissionPhase.PLACEMENT, null, null, null, profile, null);
    }

    @Test
    void transfersFromAndToZeroAreMintsAndBurnsOutOfTheIssuerArePlacements() {
        var t = token(TokenProfile.TRANSFER);
        assertThat(EventDecoder.decode(log(List.of(EventDecoder.TRANSFER, topic(EventDecoder.ZERO), topic(ISSUER)), "0x" + word(5)), t))
                .hasValueSatisfying(e -> {
                    assertThat(e.kind()).isEqualTo(EventKind.MINT);
                    assertThat(e.amount()).isEqualTo(BigInteger.valueOf(5));
                    assertThat(e.txHash()).isEqualTo("0xab");
                });
        assertThat(EventDecoder.decode(log(List.of(EventDecoder.TRANSFER, topic(HOLDER), topic(EventDecoder.ZERO)), "0x" + word(2)), t))
                .hasValueSatisfying(e -> assertThat(e.kind()).isEqualTo(EventKind.BURN));
        assertThat(EventDecoder.decode(log(List.of(EventDecoder.TRANSFER, topic(ISSUER), topic(HOLDER)), "0x" + word(3)), t))
                .hasValueSatisfying(e -> assertThat(e.kind()).isEqualTo(EventKind.PLACEMENT));
        assertThat(EventDecoder.decode(log(List.of(EventDecoder.TRANSFER, topic(HOLDER), topic(ISSUER)), "0x" + word(3)), t))
                .hasValueSatisfying(e -> assertThat(e.kind()).isEqualTo(EventKind.RETURN));
        // holder to holder: nothing the register cares about
        assertThat(EventDecoder.decode(log(List.of(EventDecoder.TRANSFER, topic(HOLDER), topic(HOLDER)), "0x" + word(3)), t)).isEmpty();
        // pre-standard Transfer without indexed parameters
        assertThat(EventDecoder.decode(log(List.of(EventDecoder.TRANSFER), "0x" + word(0) + "0".repeat(24) + HOLDER.substring(2)
                + word(7)), t)).hasValueSatisfying(e -> assertThat(e.kind()).isEqualTo(EventKind.MINT));
    }

    @Test
    void issueRedeemAndMintBurnProfilesUseTheirEventsAndIgnoreZeroTransfers() {
        var ir = token(TokenProfile.ISSUE_REDEEM);
        // Issue(uint256) names no holder: it is filled from the transaction (issueRedeemHolder)
        assertThat(EventDecoder.decode(log(List.of(EventDecoder.ISSUE), "0x" + word(9)), ir))
                .hasValueSatisfying(e -> assertThat(e.kind()).isEqualTo(EventKind.MINT))
                .hasValueSatisfying(e -> assertThat(e.to()).isNull());
        assertThat(EventDecoder.decode(log(List.of(EventDecoder.REDEEM), "0x" + word(9)), ir))
                .hasValueSatisfying(e -> assertThat(e.kind()).isEqualTo(EventKind.BURN));
        var mb = token(TokenProfile.MINT_BURN);
        assertThat(EventDecoder.decode(log(List.of(EventDecoder.MINT, topic(HOLDER)), "0x" + word(4)), mb))
                .hasValueSatisfying(e -> assertThat(e.to()).isEqualTo(HOLDER));
        assertThat(EventDecoder.decode(log(List.of(EventDecoder.TRANSFER, topic(EventDecoder.ZERO), topic(HOLDER)), "0x" + word(4)), mb))
                .isEmpty();
        // a token is recognised from what it emits: Issue under the plain profile is still a mint (issue 13)
        assertThat(EventDecoder.decode(log(List.of(EventDecoder.ISSUE), "0x" + word(9)), token(TokenProfile.TRANSFER)))
                .hasValueSatisfying(e -> assertThat(e.kind()).isEqualTo(EventKind.MINT));
        assertThat(EventDecoder.decode(log(List.of(EventDecoder.ISSUE), "0x" + word(9)), token(TokenProfile.NONE))).isEmpty();
    }

    @Test
    void blacklistDestructionIsABurnOfTheHolderAndANonIndexedUpgradedIsAnUpgrade() {
        assertThat(EventDecoder.decode(log(List.of(EventDecoder.DESTROYED_BLACK_FUNDS),
                "0x" + "0".repeat(24) + HOLDER.substring(2) + word(12)), token(TokenProfile.TRANSFER)))
                .hasValueSatisfying(e -> {
                    assertThat(e.kind()).isEqualTo(EventKind.BURN);
                    assertThat(e.from()).isEqualTo(HOLDER);
                    assertThat(e.amount()).isEqualTo(BigInteger.valueOf(12));
                });
        assertThat(EventDecoder.decode(log(List.of(EventDecoder.UPGRADED), "0x" + "0".repeat(24) + HOLDER.substring(2)),
                token(TokenProfile.TRANSFER))).hasValueSatisfying(e -> {
                    assertThat(e.kind()).isEqualTo(EventKind.UPGRADED);
                    assertThat(e.to()).isEqualTo(HOLDER);
                });
    }

    @Test
    void anIssueBesideATransferFromZeroOfTheSameAmountCountsOnceAndUsdkgIssueNamesItsHolderInTheCallData() {
        var t = token(TokenProfile.TRANSFER);
        var decoded = EventDecoder.decodeAll(List.of(log(List.of(EventDecoder.ISSUE), "0x" + word(9)),
                log(List.of(EventDecoder.TRANSFER, topic(EventDecoder.ZERO), topic(HOLDER)), "0x" + word(9))), t);
        assertThat(decoded).singleElement().satisfies(e -> assertThat(e.to()).isEqualTo(HOLDER));

        var issue = EventDecoder.decode(log(List.of(EventDecoder.ISSUE), "0x" + word(9)), t).orElseThrow();
        String callData = EventDecoder.ISSUE_TO_SELECTOR + "0".repeat(24) + HOLDER.substring(2) + word(9);
        assertThat(EventDecoder.issueRedeemHolder(issue, ISSUER, t.tokenAddress(), callData, t.tokenAddress())).isEqualTo(HOLDER);
        assertThat(EventDecoder.issueRedeemHolder(issue, ISSUER, t.tokenAddress(), "0xcc872b66" + word(9), t.tokenAddress()))
                .isEqualTo(ISSUER);
    }
}
