package kg.vareg.worker.sender;

/** What {@link TxSender#submit} did. */
public sealed interface Submission {

    /** Signed, stored and broadcast (or stored for a retry if the node refused the broadcast). */
    record Accepted(long requestId, long nonce, String txHash) implements Submission {
    }

    /** Not signed: a fee cap, an unfunded wallet; health is DEGRADED with this reason. */
    record Refused(String why) implements Submission {
    }
}
