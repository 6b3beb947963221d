package kg.vareg.worker.sender;

/** A tick tried to send after another leader took the wallet's fence: nothing was recorded or sent. */
public class StaleLeaderException extends RuntimeException {

    public StaleLeaderException(FenceToken token, long current) {
        super("stale leader: tick holds epoch " + token.epoch() + " of wallet " + token.wallet()
                + " but epoch " + current + " is current; nothing sent");
    }
}
