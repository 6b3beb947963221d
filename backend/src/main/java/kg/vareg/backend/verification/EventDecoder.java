package kg.vareg.backend.verification;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/** Turns logs into {@link ChainEvent}s according to the token's {@link TokenProfile}. Pure; unit-tested. */
final class EventDecoder {
    static final String ZERO = "0x0000000000000000000000000000000000000000";
    static final String TRANSFER = topic("Transfer(address,address,uint256)");
    static final String ISSUE = topic("Issue(uint256)");
    static final String REDEEM = topic("Redeem(uint256)");
    static final String MINT = topic("Mint(address,uint256)");
    static final String BURN = topic("Burn(address,uint256)");
    static final String UPGRADED = topic("Upgraded(address)");
    static final String BEACON_UPGRADED = topic("BeaconUpgraded(address)");
    /** Tether and USDKG: a blacklisted holder's balance destroyed with no Transfer (supply falls). */
    static final String DESTROYED_BLACK_FUNDS = topic("DestroyedBlackFunds(address,uint256)");
    /** Selector of USDKG's issue(address,uint256): the recipient its Issue(uint256) event does not name. */
    static final String ISSUE_TO_SELECTOR = Hash.sha3String("issue(address,uint256)").substring(0, 10);

    private EventDecoder() {}

    static String topic(String signature) {
        return Hash.sha3String(signature);
    }

    /**
     * The first topics to ask eth_getLogs for. The Tether family's supply events (Issue, Redeem, blacklist
     * destruction) are asked for whatever the declared profile: a token is recognised from what it emits,
     * the declaration only narrows (issue 13, docs/verifier.md "Token families").
     */
    static List<String> topicsFor(TokenProfile profile) {
        List<String> topics = new ArrayList<>(List.of(TRANSFER, UPGRADED, BEACON_UPGRADED));
        switch (profile) {
            case ISSUE_REDEEM, TRANSFER -> topics.addAll(List.of(ISSUE, REDEEM, DESTROYED_BLACK_FUNDS));
            case MINT_BURN -> topics.addAll(List.of(MINT, BURN, DESTROYED_BLACK_FUNDS));
            case NONE -> { }
        }
        return topics;
    }

    /**
     * Decodes one range's logs. A transaction that announces the same supply change twice — an
     * {@code Issue(uint256)} or {@code Redeem(uint256)} beside a {@code Transfer} from/to zero of the same
     * amount — counts once (the Transfer, which names the holder).
     */
    static List<ChainEvent> decodeAll(List<Log> logs, MonitoredToken token) {
        List<ChainEvent> decoded = logs.stream().flatMap(l -> decode(l, token).stream()).toList();
        java.util.Set<String> byTransfer = new java.util.HashSet<>();
        for (ChainEvent e : decoded) {
            if (e.from() != null && e.to() != null && (e.from().equals(ZERO) || e.to().equals(ZERO))) {
                byTransfer.add(e.txHash() + "/" + e.kind() + "/" + e.amount());
            }
        }
        return decoded.stream().filter(e -> !(isIssueOrRedeem(e) && byTransfer.contains(e.txHash() + "/" + e.kind() + "/" + e.amount())))
                .toList();
    }

    /** An Issue/Redeem decoded before its holder is known (filled from the transaction by the verifier). */
    static boolean isIssueOrRedeem(ChainEvent e) {
        return (e.kind() == EventKind.MINT && e.to() == null) || (e.kind() == EventKind.BURN && e.from() == null);
    }

    /**
     * The holder an {@code Issue(uint256)} credited or a {@code Redeem(uint256)} debited: USDKG's
     * {@code issue(address to, uint256)} names it in the call data; Tether's {@code issue(uint256)} and every
     * {@code redeem} act on the owner, who alone may send them (the transaction's sender).
     */
    static String issueRedeemHolder(ChainEvent e, String txSender, String txTarget, String txInput, String token) {
        String input = txInput == null ? "" : txInput.toLowerCase(Locale.ROOT);
        if (e.kind() == EventKind.MINT && token.equals(txTarget) && input.startsWith(ISSUE_TO_SELECTOR) && input.length() >= 74) {
            return address(input.substring(10, 74));
        }
        return txSender;
    }

    static Optional<ChainEvent> decode(Log log, MonitoredToken token) {
        if (log.isRemoved() || log.getTopics() == null || log.getTopics().isEmpty()) {
            return Optional.empty();
        }
        List<String> topics = log.getTopics().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        String t0 = topics.getFirst();
        List<BigInteger> words = words(log.getData());
        String issuer = token.issuerWallet();
        if (t0.equals(TRANSFER)) {
            String from;
            String to;
            BigInteger amount;
            if (topics.size() == 3 && words.size() == 1) {
                from = address(topics.get(1));
                to = address(topics.get(2));
                amount = words.getFirst();
            } else if (topics.size() == 1 && words.size() == 3) {
                // Early tokens declared Transfer without indexed parameters: everything is in the data.
                from = address(words.get(0));
                to = address(words.get(1));
                amount = words.get(2);
            } else {
                return Optional.empty(); // ERC-721 style Transfer (indexed token id): not a fungible amount
            }
            boolean supplyByTransfer = token.profile() == TokenProfile.TRANSFER || token.profile() == TokenProfile.NONE;
            if (from.equals(ZERO) && to.equals(ZERO)) {
                return Optional.empty();
            }
            if (from.equals(ZERO)) {
                return supplyByTransfer ? Optional.of(event(EventKind.MINT, log, from, to, amount)) : Optional.empty();
            }
            if (to.equals(ZERO)) {
                return supplyByTransfer ? Optional.of(event(EventKind.BURN, log, from, to, amount)) : Optional.empty();
            }
            if (from.equals(issuer)) {
                return Optional.of(event(EventKind.PLACEMENT, log, from, to, amount));
            }
            if (to.equals(issuer)) {
                return Optional.of(event(EventKind.RETURN, log, from, to, amount));
            }
            return Optional.empty();
        }
        if (t0.equals(UPGRADED) || t0.equals(BEACON_UPGRADED)) {
            if (topics.size() == 2) {
                return Optional.of(event(EventKind.UPGRADED, log, ZERO, address(topics.get(1)), BigInteger.ZERO));
            }
            if (topics.size() == 1 && words.size() == 1) {
                // zeppelinos / Circle FiatTokenProxy: Upgraded(address implementation) with no indexed argument
                return Optional.of(event(EventKind.UPGRADED, log, ZERO, address(words.getFirst()), BigInteger.ZERO));
            }
            return Optional.empty();
        }
        if (token.profile() != TokenProfile.NONE && t0.equals(DESTROYED_BLACK_FUNDS) && topics.size() == 1 && words.size() == 2) {
            return Optional.of(event(EventKind.BURN, log, address(words.get(0)), ZERO, words.get(1)));
        }
        if ((token.profile() == TokenProfile.ISSUE_REDEEM || token.profile() == TokenProfile.TRANSFER)
                && topics.size() == 1 && words.size() == 1) {
            // the holder is filled in from the transaction (issueRedeemHolder): the event does not name it
            if (t0.equals(ISSUE)) {
                return Optional.of(event(EventKind.MINT, log, ZERO, null, words.getFirst()));
            }
            if (t0.equals(REDEEM)) {
                return Optional.of(event(EventKind.BURN, log, null, ZERO, words.getFirst()));
            }
        }
        if (token.profile() == TokenProfile.MINT_BURN && topics.size() == 2 && words.size() == 1) {
            if (t0.equals(MINT)) {
                return Optional.of(event(EventKind.MINT, log, ZERO, address(topics.get(1)), words.getFirst()));
            }
            if (t0.equals(BURN)) {
                return Optional.of(event(EventKind.BURN, log, address(topics.get(1)), ZERO, words.getFirst()));
            }
        }
        return Optional.empty();
    }

    private static ChainEvent event(EventKind kind, Log log, String from, String to, BigInteger amount) {
        return new ChainEvent(kind, log.getTransactionHash().toLowerCase(Locale.ROOT), log.getLogIndex().intValueExact(),
                log.getBlockNumber().longValueExact(), log.getBlockHash().toLowerCase(Locale.ROOT), from, to, amount,
                null, null, null);
    }

    static List<BigInteger> words(String data) {
        String hex = Numeric.cleanHexPrefix(data == null ? "" : data);
        List<BigInteger> words = new ArrayList<>();
        for (int i = 0; i + 64 <= hex.length(); i += 64) {
            words.add(new BigInteger(hex.substring(i, i + 64), 16));
        }
        return words;
    }

    static String address(String topic) {
        String hex = Numeric.cleanHexPrefix(topic);
        return "0x" + hex.substring(hex.length() - 40).toLowerCase(Locale.ROOT);
    }

    static String address(BigInteger word) {
        return "0x" + String.format("%040x", word.mod(BigInteger.TWO.pow(160)));
    }
}
