package kg.vareg.backend.numbering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** ¶68 c, ¶60: the serial counts one issuer's emissions across all types, never reused, never past 99. */
class SerialNumbersTest {

    private static final IssuerCode AB12 = IssuerCode.of("AB12");
    private static final IssuerCode CD34 = IssuerCode.of("CD34");

    @Test
    void anIssuersFirstEmissionIs01() {
        assertThat(SerialNumbers.next(AB12, List.of())).isEqualTo(1);
        assertThat(SerialNumbers.nextNumber(VirtualAssetType.STABLECOIN, AB12, Region.BISHKEK, List.of()))
                .hasToString("KG0101AB121");
    }

    @Test
    void serialCountsPerIssuerAcrossTypesAndRegions() {
        List<RegistrationNumber> assigned = List.of(
                RegistrationNumber.parse("KG0101AB121"),
                RegistrationNumber.parse("KG0202AB121"),
                RegistrationNumber.parse("KG0203AB123"), // the issuer moved to Osh region; count continues
                RegistrationNumber.parse("KG0109CD345")); // another issuer's numbers do not count
        assertThat(SerialNumbers.next(AB12, assigned)).isEqualTo(4);
        assertThat(SerialNumbers.next(CD34, assigned)).isEqualTo(10);
        assertThat(SerialNumbers.nextNumber(VirtualAssetType.STABLECOIN, AB12, Region.OSH_REGION, assigned))
                .hasToString("KG0104AB123");
    }

    @Test
    void cancelledNumbersAreNeverReusedBecauseTheCountIsTheHighestEverAssigned() {
        // Serial 02 was cancelled (¶35) and is simply still in the list of numbers ever assigned.
        List<RegistrationNumber> assigned = List.of(RegistrationNumber.parse("KG0101AB121"),
                RegistrationNumber.parse("KG0103AB121"));
        assertThat(SerialNumbers.next(AB12, assigned)).isEqualTo(4);
    }

    @Test
    void after99TheAllocatorRefuses() {
        List<RegistrationNumber> assigned = new ArrayList<>();
        for (int s = 1; s <= 99; s++) {
            assigned.add(RegistrationNumber.of(VirtualAssetType.DIGITAL_TOKEN, s, AB12, Region.CHUY));
        }
        assertThatThrownBy(() -> SerialNumbers.next(AB12, assigned))
                .isInstanceOf(SerialNumbers.SerialNumbersExhaustedException.class)
                .hasMessageContaining("99");
        assertThat(SerialNumbers.next(CD34, assigned)).isEqualTo(1);
    }
}
