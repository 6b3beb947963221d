package kg.vareg.backend.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import kg.vareg.backend.emissions.TokenEventProfile;
import org.junit.jupiter.api.Test;

/** The register's declared profiles map by name onto the verifier's (JdbcRegisteredTokens.profile). */
class TokenProfileNamesTest {
    @Test
    void everyDeclarableProfileIsOneTheVerifierKnows() {
        assertThat(Arrays.stream(TokenEventProfile.values()).map(Enum::name))
                .containsExactlyElementsOf(Arrays.stream(TokenProfile.values()).map(Enum::name).toList());
        for (TokenEventProfile p : TokenEventProfile.values()) {
            assertThat(JdbcRegisteredTokens.profile(p.name()).name()).isEqualTo(p.name());
        }
        assertThat(JdbcRegisteredTokens.profile(null)).isEqualTo(TokenProfile.TRANSFER);
    }
}
