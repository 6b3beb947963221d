package kg.vareg.backend.accounts;

import kg.vareg.backend.api.InvalidFieldException;

/**
 * Bad input to an account command: 400 with one field-level error in the API; on a page the {@link #code()} picks
 * the translated message ({@code account.error.<code>}).
 */
public class AccountError extends InvalidFieldException {
    private final String code;

    public AccountError(String field, String code, String message) {
        super(field, message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
