package kg.vareg.ledger.checkpoint;

import static kg.vareg.ledger.LogVerificationException.Reason.MALFORMED_CHECKPOINT;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import kg.vareg.ledger.LogVerificationException;
import kg.vareg.ledger.hash.Sha256Hash;

/**
 * A c2sp.org/tlog-checkpoint note body: origin, tree size, root hash, optional extension lines.
 *
 * <pre>
 * vareg.kg/log
 * 42
 * 3q2+7w...base64 root...=
 * </pre>
 *
 * The constructor validates what we are about to sign; {@link #parse(String)} validates what we
 * are about to trust. Neither accepts a line that could change the meaning of the text.
 */
public record Checkpoint(String origin, long size, Sha256Hash root, List<String> extensions) {

    private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(root, "root");
        extensions = List.copyOf(Objects.requireNonNull(extensions, "extensions"));
        checkLine(origin, "origin");
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0");
        }
        for (String e : extensions) {
            checkLine(e, "extension line");
        }
    }

    public Checkpoint(String origin, long size, Sha256Hash root) {
        this(origin, size, root, List.of());
    }

    /** The note text, every line newline-terminated. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(origin).append('\n').append(size).append('\n').append(root.toBase64()).append('\n');
        for (String e : extensions) {
            sb.append(e).append('\n');
        }
        return sb.toString();
    }

    /** Parses a note text (already signature-verified, see {@link NoteVerifier#open}). */
    public static Checkpoint parse(String text) throws LogVerificationException {
        Objects.requireNonNull(text, "text");
        if (!text.endsWith("\n")) {
            throw malformed("text does not end with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw malformed("needs origin, size and root lines, got " + lines.length + " line(s)");
        }
        for (String line : lines) {
            if (line.isEmpty()) {
                throw malformed("empty line");
            }
        }
        if (!SIZE.matcher(lines[1]).matches()) {
            throw malformed("tree size '" + lines[1] + "' is not a decimal without leading zeros");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw malformed("tree size " + lines[1] + " is too large");
        }
        Sha256Hash root;
        try {
            root = Sha256Hash.fromBase64(lines[2]);
        } catch (IllegalArgumentException e) {
            throw malformed("root hash: " + e.getMessage());
        }
        List<String> ext = new ArrayList<>(List.of(lines).subList(3, lines.length));
        try {
            return new Checkpoint(lines[0], size, root, ext);
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
    }

    private static void checkLine(String line, String what) {
        if (line.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) < 0x20 || line.charAt(i) == 0x7f) {
                throw new IllegalArgumentException(what + " must not contain control characters");
            }
        }
    }

    private static LogVerificationException malformed(String why) {
        return new LogVerificationException(MALFORMED_CHECKPOINT, "malformed checkpoint: " + why);
    }
}
