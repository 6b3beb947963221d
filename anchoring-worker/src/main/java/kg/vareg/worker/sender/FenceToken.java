package kg.vareg.worker.sender;

/** The epoch a leader tick holds for a wallet; every send is recorded only while it is still current. */
public record FenceToken(long chainId, String wallet, long epoch) {
}
