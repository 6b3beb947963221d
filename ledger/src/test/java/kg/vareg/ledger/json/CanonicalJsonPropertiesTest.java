package kg.vareg.ledger.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** jqwik properties of RFC 8785 canonicalization. */
class CanonicalJsonPropertiesTest {

    private final CanonicalJson jcs = CanonicalJson.standard();

    @Property
    void canonicalizationIsIdempotent(@ForAll("jsonValues") Object value) {
        String once = jcs.write(value);
        assertThat(jcs.canonicalize(once)).isEqualTo(once);
    }

    @Property
    void everyFiniteDoubleRoundTrips(@ForAll double d) {
        String s = EcmaScriptNumbers.toString(d);
        assertThat(Double.parseDouble(s)).isEqualTo(d == 0 ? 0.0 : d);
        assertThat(jcs.canonicalize("[" + s + "]")).isEqualTo("[" + s + "]");
    }

    @Provide
    Arbitrary<Object> jsonValues() {
        return Arbitraries.recursive(this::leaf, this::container, 4);
    }

    private Arbitrary<Object> leaf() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(8).filter(s -> JsonParser.firstLoneSurrogate(s) < 0).map(s -> (Object) s),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.integers().map(i -> (Object) i));
    }

    private Arbitrary<Object> container(Arbitrary<Object> inner) {
        return Arbitraries.oneOf(
                inner.list().ofMaxSize(4).map(l -> (Object) List.copyOf(l)),
                Arbitraries.maps(Arbitraries.strings().ofMaxLength(5).filter(s -> JsonParser.firstLoneSurrogate(s) < 0), inner)
                        .ofMaxSize(4).map(m -> (Object) Map.copyOf(m)));
    }
}
