package kg.vareg.ledger.tile;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import kg.vareg.ledger.LogVerificationException;
import kg.vareg.ledger.LogVerificationException.Reason;

/**
 * An entry bundle of c2sp.org/tlog-tiles: each entry as a big-endian uint16 length followed by its bytes.
 * An entry longer than 65,535 bytes cannot be put in a bundle.
 */
public final class EntryBundle {

    /** Longest entry a bundle can carry. */
    public static final int MAX_ENTRY = 0xFFFF;

    private EntryBundle() {
    }

    public static byte[] encode(List<byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < entries.size(); i++) {
            byte[] e = entries.get(i);
            if (e.length > MAX_ENTRY) {
                throw new IllegalArgumentException("entry " + i + " has " + e.length
                        + " bytes; a tlog-tiles entry bundle holds at most 65535 per entry");
            }
            out.write(e.length >>> 8);
            out.write(e.length & 0xFF);
            out.writeBytes(e);
        }
        return out.toByteArray();
    }

    /** The entries of a bundle; a truncated length or entry is {@code MALFORMED_INPUT}. */
    public static List<byte[]> decode(byte[] bundle) throws LogVerificationException {
        List<byte[]> out = new ArrayList<>();
        int at = 0;
        while (at < bundle.length) {
            if (at + 2 > bundle.length) {
                throw new LogVerificationException(Reason.MALFORMED_INPUT,
                        "entry bundle ends inside the length of entry " + out.size());
            }
            int len = ((bundle[at] & 0xFF) << 8) | (bundle[at + 1] & 0xFF);
            at += 2;
            if (at + len > bundle.length) {
                throw new LogVerificationException(Reason.MALFORMED_INPUT,
                        "entry bundle ends inside entry " + out.size() + " (" + len + " bytes announced)");
            }
            byte[] e = new byte[len];
            System.arraycopy(bundle, at, e, 0, len);
            out.add(e);
            at += len;
        }
        return out;
    }
}
