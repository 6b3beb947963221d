package kg.vareg.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.json.CanonicalJson;

/** The published CT / transparency-dev vectors from src/test/resources/ct/vectors.json. */
public final class CtVectors {

    public record Inclusion(long index, long size, List<Sha256Hash> path) {
    }

    public record Consistency(long size1, long size2, List<Sha256Hash> path) {
    }

    public static final List<byte[]> LEAVES;
    public static final List<Sha256Hash> ROOTS;
    public static final List<Inclusion> INCLUSION;
    public static final List<Consistency> CONSISTENCY;

    static {
        Map<?, ?> v;
        try (InputStream in = CtVectors.class.getResourceAsStream("/ct/vectors.json")) {
            v = (Map<?, ?>) CanonicalJson.standard().parse(in.readAllBytes());
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
        LEAVES = ((List<?>) v.get("leaves")).stream().map(s -> HexFormat.of().parseHex((String) s)).toList();
        ROOTS = hashes(v.get("roots"));
        INCLUSION = ((List<?>) v.get("inclusion")).stream().map(o -> (Map<?, ?>) o)
                .map(m -> new Inclusion(num(m.get("leaf")) - 1, num(m.get("size")), hashes(m.get("path")))).toList();
        CONSISTENCY = ((List<?>) v.get("consistency")).stream().map(o -> (Map<?, ?>) o)
                .map(m -> new Consistency(num(m.get("size1")), num(m.get("size2")), hashes(m.get("path")))).toList();
    }

    private CtVectors() {
    }

    private static List<Sha256Hash> hashes(Object list) {
        return ((List<?>) list).stream().map(s -> Sha256Hash.fromHex((String) s)).toList();
    }

    private static long num(Object o) {
        return ((Double) o).longValue();
    }
}
