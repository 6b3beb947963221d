package kg.vareg.ledger.checkpoint;

import static kg.vareg.ledger.LogVerificationException.Reason.MALFORMED_NOTE;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import kg.vareg.ledger.LogVerificationException;

/**
 * The syntax of a c2sp.org/signed-note: text, blank line, signature lines. Parsing checks the
 * syntax only; {@link NoteVerifier#open(byte[])} checks signatures — the text of a note must not
 * be used before that.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

    /** Go's sumdb/note limit; the spec requires accepting at least 16. */
    public static final int MAX_SIGNATURES = 100;
    /** Checkpoints are a few hundred bytes; anything near this is not one of ours. */
    public static final int MAX_BYTES = 1 << 16;

    private static final String DASH = "\u2014 ";

    public SignedNote {
        Objects.requireNonNull(text, "text");
        signatures = List.copyOf(signatures);
    }

    /** The note as it is sent: text, blank line, one line per signature. */
    public String encode() {
        StringBuilder sb = new StringBuilder(text).append('\n');
        for (NoteSignature s : signatures) {
            sb.append(signatureLine(s));
        }
        return sb.toString();
    }

    static String signatureLine(NoteSignature s) {
        byte[] sig = s.signature();
        ByteBuffer buf = ByteBuffer.allocate(4 + sig.length).putInt(s.keyId()).put(sig);
        return DASH + s.keyName() + " " + Base64.getEncoder().encodeToString(buf.array()) + "\n";
    }

    public static SignedNote parse(byte[] note) throws LogVerificationException {
        Objects.requireNonNull(note, "note");
        if (note.length > MAX_BYTES) {
            throw malformed("note is " + note.length + " bytes, limit is " + MAX_BYTES);
        }
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(note)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("note is not valid UTF-8");
        }
        return parse(s);
    }

    public static SignedNote parse(String s) throws LogVerificationException {
        Objects.requireNonNull(s, "note");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\n') || c == 0x7f) {
                throw malformed(c == '\r' ? "note contains a carriage return (CR)"
                        : String.format("note contains control character U+%04X", (int) c));
            }
        }
        if (!s.endsWith("\n")) {
            throw malformed("note does not end with a newline");
        }
        int split = s.lastIndexOf("\n\n");
        if (split < 0) {
            throw malformed("missing blank line between text and signatures");
        }
        String text = s.substring(0, split + 1);
        String block = s.substring(split + 2);
        if (block.isEmpty()) {
            throw malformed("note has no signatures");
        }
        String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw malformed("note has " + lines.length + " signatures, limit is " + MAX_SIGNATURES);
        }
        List<NoteSignature> sigs = new ArrayList<>(lines.length);
        for (String line : lines) {
            sigs.add(parseSignatureLine(line));
        }
        return new SignedNote(text, sigs);
    }

    private static NoteSignature parseSignatureLine(String line) throws LogVerificationException {
        if (!line.startsWith(DASH)) {
            throw malformed("signature line does not start with an em dash and a space");
        }
        String rest = line.substring(DASH.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw malformed("signature line has no signature");
        }
        String name = rest.substring(0, space);
        String b64 = rest.substring(space + 1);
        if (!KeyId.isValidName(name)) {
            throw malformed("invalid key name '" + name + "'");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw malformed("signature of " + name + " is not valid base64");
        }
        if (!Base64.getEncoder().encodeToString(raw).equals(b64)) {
            throw malformed("signature of " + name + " is not canonical base64");
        }
        if (raw.length < 5) {
            throw malformed("signature of " + name + " is too short");
        }
        ByteBuffer buf = ByteBuffer.wrap(raw);
        int id = buf.getInt();
        byte[] sig = new byte[raw.length - 4];
        buf.get(sig);
        return new NoteSignature(name, id, sig);
    }

    private static LogVerificationException malformed(String why) {
        return new LogVerificationException(MALFORMED_NOTE, "malformed note: " + why);
    }
}
