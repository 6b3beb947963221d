package kg.vareg.backend.numbering;

/**
 * A state registration number that does not follow ¶67–68. {@link #position()} is the 1-based position in the
 * full number (1–2 country code, 3–11 base number), or 0 when the problem is the whole string (length).
 */
public class RegistrationNumberFormatException extends IllegalArgumentException {

    private final String input;
    private final int position;

    public RegistrationNumberFormatException(String input, int position, String message) {
        super("invalid state registration number '" + input + "': " + message);
        this.input = input;
        this.position = position;
    }

    public String input() {
        return input;
    }

    public int position() {
        return position;
    }
}
