package kg.vareg.worker.anchoring;

/** What one anchoring step did. */
public sealed interface AnchorStep {

    record NothingToAnchor() implements AnchorStep { }

    record NotDue(long waiting) implements AnchorStep { }

    record Sent(long size, String txHash, long nonce) implements AnchorStep { }

    record Waiting(long size, String txHash, String status) implements AnchorStep { }

    record Confirmed(long size, String txHash, long blockNumber) implements AnchorStep { }

    record Reorged(long size, String txHash) implements AnchorStep { }

    record Dropped(long size, String txHash, String why) implements AnchorStep { }

    /** Not sent: a fee cap or an unfunded wallet holds the sender back (health DEGRADED). */
    record HeldBack(long size, String why) implements AnchorStep { }

    /** Something a human must look at; the worker anchors nothing until it is resolved. */
    record Alarm(String why) implements AnchorStep { }
}
