package kg.vareg.worker.tokenregistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The register → TokenRegistry code mapping of docs/contracts.md, and reading journal records. */
class TokenStatusTest {

    @Test
    void everyEmissionStateWithANumberHasTheDocumentedCode() {
        Map<String, Integer> expected = Map.of("REGISTERED", 1, "OFFER_DISCLOSED", 1, "PLACEMENT", 2, "SUSPENDED", 3,
                "RESULTS_REPORTED", 4, "SUCCESSFUL", 5, "UNSUCCESSFUL", 6, "INVALID", 7, "NOT_GENUINE", 8, "CANCELLED", 9);
        expected.forEach((state, code) -> assertThat(TokenStatus.stateCode(state)).contains(code));
        for (String notInRegister : new String[] {"DRAFT", "SUBMITTED", "REFUSED", "SOMETHING"}) {
            assertThat(TokenStatus.stateCode(notInRegister)).isEmpty();
        }
        assertThat(TokenStatus.vaTypeCode("STABLECOIN")).contains(1);
        assertThat(TokenStatus.vaTypeCode("DIGITAL_TOKEN")).contains(2);
    }

    @Test
    void registrationNumberIsLeftAlignedInBytes12() {
        byte[] b = TokenStatus.bytes12("KG0107AB121");
        assertThat(new String(b, 0, 11, StandardCharsets.US_ASCII)).isEqualTo("KG0107AB121");
        assertThat(b[11]).isZero();
        assertThatThrownBy(() -> TokenStatus.bytes12("KG0107AB12")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenStatus.bytes12("kg0107ab121")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chainIdFromCaip2TheWorkersChainOrConfiguration() {
        Map<String, Long> configured = Map.of("Ethereum", 1L, "BNB Smart Chain", 56L);
        assertThat(TokenStatus.chainId("eip155:137", configured, "vareg dev chain", 31337)).contains(137L);
        assertThat(TokenStatus.chainId("  Vareg Dev Chain ", configured, "vareg dev chain", 31337)).contains(31337L);
        assertThat(TokenStatus.chainId("ethereum", configured, "vareg dev chain", 31337)).contains(1L);
        assertThat(TokenStatus.chainId("Solana", configured, "vareg dev chain", 31337)).isEmpty();
        assertThat(TokenStatus.chainId("eip155:x", configured, "vareg dev chain", 31337)).isEmpty();
        assertThat(TokenStatus.chainId("eip155:0", configured, "vareg dev chain", 31337)).isEmpty();
        assertThat(TokenStatus.chainId(null, configured, "vareg dev chain", 31337)).isEmpty();
    }

    @Test
    void readsTheLastStateAndTheRegisterEntryOfARecord() {
        String json = "{\"v\":1,\"type\":\"ResultsReported\",\"subject\":{\"emission\":\"e1\",\"registrationNumber\":\"KG0107AB121\"},"
                + "\"events\":[{\"type\":\"ResultsReported\",\"changes\":{\"state\":\"RESULTS_REPORTED\"}},"
                + "{\"type\":\"EmissionDeclaredUnsuccessful\",\"changes\":{\"state\":\"UNSUCCESSFUL\"}}]}";
        RegisterRecordReader.Change c = RegisterRecordReader.read(json.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertThat(c.emissionId()).isEqualTo("e1");
        assertThat(c.state()).contains("UNSUCCESSFUL");
        assertThat(c.registrationNumber()).contains("KG0107AB121");
        assertThat(c.entry()).isEmpty();
        assertThat(RegisterRecordReader.read("{\"n\":1}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(RegisterRecordReader.read("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
        String fee = "{\"subject\":{\"emission\":\"e1\"},\"events\":[{\"changes\":{\"amount\":\"10\"}}]}";
        assertThat(RegisterRecordReader.read(fee.getBytes(StandardCharsets.UTF_8))).isEqualTo(Optional.empty());
    }
}
