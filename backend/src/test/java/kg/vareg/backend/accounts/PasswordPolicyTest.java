package kg.vareg.backend.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private static String refusal(String username, String password) {
        AccountError e = catchThrowableOfType(AccountError.class, () -> PasswordPolicy.check("newPassword", username, password));
        return e == null ? null : e.field() + ":" + e.code();
    }

    @Test
    void lengthBlockListUsernameAndRepetitionAreRefusedOnTheField() {
        assertThat(refusal("anna", "short")).isEqualTo("newPassword:passwordShort");
        assertThat(refusal("anna", null)).isEqualTo("newPassword:passwordShort");
        assertThat(refusal("anna", "ж".repeat(37))).as("74 bytes in UTF-8").isEqualTo("newPassword:passwordLong");
        assertThat(refusal("anna", "aaaaaaaaaaaaaaa")).isEqualTo("newPassword:passwordWeak");
        assertThat(refusal("anna", "Password1234")).isEqualTo("newPassword:passwordWeak");
        assertThat(refusal("anna.k", "my name is ANNA.K ok")).isEqualTo("newPassword:passwordHasUsername");
    }

    @Test
    void passphrasesAndGeneratedPasswordsPass() {
        assertThatCode(() -> PasswordPolicy.check("p", "anna", "correct horse battery staple")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("p", "anna", "жылкы тоо суу көл")).doesNotThrowAnyException();
        String generated = PasswordPolicy.oneTime();
        assertThat(generated).hasSize(20).matches("[a-km-zA-HJ-NP-Z2-9]{20}");
        assertThatCode(() -> PasswordPolicy.check("p", "anna", generated)).doesNotThrowAnyException();
        assertThat(PasswordPolicy.oneTime()).isNotEqualTo(generated);
    }
}
