package kg.vareg.backend.verification;

import java.math.BigInteger;

/** Sums of the stored events of one token up to the verified block. */
record EventTotals(BigInteger minted, BigInteger burned, BigInteger placed, BigInteger returned,
                   BigInteger mintedToIssuer, BigInteger burnedFromIssuer) {

    static final EventTotals NONE = new EventTotals(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO,
            BigInteger.ZERO, BigInteger.ZERO);

    BigInteger supplyFromEvents() {
        return minted.subtract(burned);
    }

    /** Net placement: out of the issuer wallet minus what came back. */
    BigInteger netPlaced() {
        return placed.subtract(returned);
    }

    BigInteger expectedIssuerBalance() {
        return mintedToIssuer.add(returned).subtract(placed).subtract(burnedFromIssuer);
    }
}
