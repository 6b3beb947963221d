package kg.vareg.backend.numbering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ¶67–68 and Annex 7. */
class RegistrationNumberTest {

    @Test
    void theRegulationsExampleParses() {
        RegistrationNumber n = RegistrationNumber.parse("KG0107AB121");
        assertThat(n.type()).isEqualTo(VirtualAssetType.STABLECOIN);
        assertThat(n.serial()).isEqualTo(7);
        assertThat(n.issuerCode()).isEqualTo(new IssuerCode("AB12"));
        assertThat(n.region()).isEqualTo(Region.BISHKEK);
        assertThat(n.baseNumber()).isEqualTo("0107AB121");
        assertThat(n.toString()).isEqualTo("KG0107AB121");
    }

    @Test
    void ofFormatsEveryTypeSerialAndRegionAndParsesBack() {
        for (VirtualAssetType type : VirtualAssetType.values()) {
            for (int serial = 1; serial <= 99; serial++) {
                for (Region region : Region.values()) {
                    RegistrationNumber n = RegistrationNumber.of(type, serial, IssuerCode.of("Z9X0"), region);
                    assertThat(n.value()).hasSize(11).startsWith("KG0" + type.code());
                    RegistrationNumber back = RegistrationNumber.parse(n.value());
                    assertThat(back).isEqualTo(n);
                    assertThat(back.type()).isEqualTo(type);
                    assertThat(back.serial()).isEqualTo(serial);
                    assertThat(back.region()).isEqualTo(region);
                }
            }
        }
        assertThat(RegistrationNumber.of(VirtualAssetType.DIGITAL_TOKEN, 12, IssuerCode.of("0000"), Region.OSH_CITY))
                .hasToString("KG02120000" + "9");
    }

    @Test
    void annex7RegionCodes() {
        assertThat(Region.values()).extracting(Region::code)
                .containsExactly('1', '2', '3', '4', '5', '6', '7', '8', '9');
        assertThat(Region.fromCode('3')).contains(Region.OSH_REGION);
        assertThat(Region.fromCode('9')).contains(Region.OSH_CITY);
        assertThat(Region.fromCode('0')).isEmpty();
    }

    @ParameterizedTest(name = "{0} rejected at position {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "KZ0107AB121 | 1  | country code must be KG",
            "RU0107AB121 | 1  | country code must be KG",
            "kg0107AB121 | 1  | lower case",
            "KG1107AB121 | 3  | position 1 must be the digit 0",
            "KGA107AB121 | 3  | position 1 must be the digit 0",
            "KG0307AB121 | 4  | reserved for other types",
            "KG0907AB121 | 4  | reserved for other types",
            "KG0A07AB121 | 4  | reserved for other types",
            "KG0Z07AB121 | 4  | reserved for other types",
            "KG0007AB121 | 4  | is not a type code",
            "KG01A7AB121 | 5  | must be digits",
            "KG010BAB121 | 6  | must be digits",
            "KG0100AB121 | 5  | serial number of the emission 00",
            "KG0107ab121 | 7  | lower case",
            "KG0107AB-21 | 9  | not a Latin letter or an Arabic digit",
            "KG0107AB120 | 11 | not a region code of Annex 7",
            "KG0107AB12A | 11 | not a region code of Annex 7",
            "KG0107AB12  | 0  | exactly 11 characters",
            "KG0107AB1211| 0  | exactly 11 characters",
            "KG107AB121  | 0  | exactly 11 characters",
            "KG0107АB121 | 7  | not a Latin letter", // Cyrillic А
            "КG0107AB121 | 1  | not a Latin letter", // Cyrillic К
    })
    void mustReject(String input, int position, String message) {
        assertThatThrownBy(() -> RegistrationNumber.parse(input))
                .isInstanceOf(RegistrationNumberFormatException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((RegistrationNumberFormatException) e).position()).isEqualTo(position));
    }

    @Test
    void surroundingWhitespaceAndEmptyAreRejected() {
        assertThatThrownBy(() -> RegistrationNumber.parse(" KG0107AB121")).isInstanceOf(RegistrationNumberFormatException.class);
        assertThatThrownBy(() -> RegistrationNumber.parse("")).isInstanceOf(RegistrationNumberFormatException.class);
        assertThatThrownBy(() -> RegistrationNumber.parse(null)).isInstanceOf(RegistrationNumberFormatException.class);
    }

    @Test
    void theConstructorValidatesToo() {
        assertThatThrownBy(() -> new RegistrationNumber("KG0307AB121")).isInstanceOf(RegistrationNumberFormatException.class);
    }

    @Test
    void ofRejectsSerialsOutside01To99() {
        assertThatThrownBy(() -> RegistrationNumber.of(VirtualAssetType.STABLECOIN, 0, IssuerCode.of("AB12"), Region.BISHKEK))
                .hasMessageContaining("01..99");
        assertThatThrownBy(() -> RegistrationNumber.of(VirtualAssetType.STABLECOIN, 100, IssuerCode.of("AB12"), Region.BISHKEK))
                .hasMessageContaining("01..99");
    }

    @Test
    void reservedTypeCodesAreExactly3To9AndAToZ() {
        for (char c = '0'; c <= 'Z'; c++) {
            boolean expected = (c >= '3' && c <= '9') || (c >= 'A' && c <= 'Z');
            assertThat(VirtualAssetType.isReservedCode(c)).as("'%s'", c).isEqualTo(expected);
        }
        assertThat(VirtualAssetType.fromCode('1')).contains(VirtualAssetType.STABLECOIN);
        assertThat(VirtualAssetType.fromCode('2')).contains(VirtualAssetType.DIGITAL_TOKEN);
    }
}
