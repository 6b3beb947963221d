package kg.vareg.backend.numbering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ¶68 d: four Latin capital letters / Arabic digits. */
class IssuerCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"AB12", "0000", "ZZZZ", "A1B2"})
    void valid(String code) {
        assertThat(IssuerCode.of(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab12", "AB1", "AB123", "", "AB 1", "AB-1", "АB12", "ÄB12"})
    void invalid(String code) {
        assertThatThrownBy(() -> IssuerCode.of(code)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("issuer code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab12"})
    void lowerCaseIsNotSilentlyFixed(String code) {
        assertThatThrownBy(() -> IssuerCode.of(code)).hasMessageContaining("upper case");
    }
}
