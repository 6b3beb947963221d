package kg.vareg.backend.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import kg.vareg.backend.security.Totp;
import org.junit.jupiter.api.Test;

/** The TOTP second factor against the RFC 6238 Appendix B test vectors (SHA-1, 8 digits) and its 6-digit use. */
class TotpTest {
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    private static String code(long epochSecond) throws Exception {
        Method m = Totp.class.getDeclaredMethod("code", byte[].class, Instant.class, int.class, String.class);
        m.setAccessible(true);
        return (String) m.invoke(null, RFC_KEY, Instant.ofEpochSecond(epochSecond), 8, "HmacSHA1");
    }

    @Test
    void rfc6238AppendixBVectors() throws Exception {
        assertThat(code(59L)).isEqualTo("94287082");
        assertThat(code(1111111109L)).isEqualTo("07081804");
        assertThat(code(1111111111L)).isEqualTo("14050471");
        assertThat(code(1234567890L)).isEqualTo("89005924");
        assertThat(code(2000000000L)).isEqualTo("69279037");
        assertThat(code(20000000000L)).isEqualTo("65353130");
    }

    @Test
    void base32SecretOfTheRfcKeyGivesTheSameCodes() {
        // RFC 4648 Base32 of "12345678901234567890", as an authenticator app would be given it.
        String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        Instant t = Instant.ofEpochSecond(1111111109L);
        assertThat(Totp.code(secret, t)).isEqualTo("081804"); // the last 6 digits of the 8-digit vector
        assertThat(Totp.verify(secret, "081804", t)).isTrue();
        assertThat(Totp.verify(secret, "081804", t.plusSeconds(30))).as("one step of drift").isTrue();
        assertThat(Totp.verify(secret, "081804", t.plusSeconds(90))).as("three steps later").isFalse();
        assertThat(Totp.verify(secret, "81804", t)).isFalse();
        assertThat(Totp.verify(secret, null, t)).isFalse();
    }

    @Test
    void newSecretsAre160BitsOfBase32AndDiffer() {
        String a = Totp.newSecret();
        assertThat(a).matches("[A-Z2-7]{32}");
        assertThat(Totp.newSecret()).isNotEqualTo(a);
        assertThat(Totp.uri("vareg", "reg.one", a)).startsWith("otpauth://totp/vareg:reg.one?secret=" + a);
    }
}
