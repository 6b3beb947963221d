package kg.vareg.backend.register;

import kg.vareg.backend.api.InvalidFieldException;

/**
 * A registration number given as input (path or query) that does not follow ¶67-68: a 400 naming the reason, never a
 * 404 or an empty list (#19 item 6). The API answers problem+json with the field; pages answer a readable page.
 */
public class InvalidRegistrationNumberException extends InvalidFieldException {
    public InvalidRegistrationNumberException(String field, String reason) {
        super(field, reason);
    }
}
