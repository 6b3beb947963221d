package kg.vareg.backend.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Contract violations seen by {@link ContractValidationFilter} since the last {@link #drain()}. */
public final class ContractViolations {
    private static final ConcurrentLinkedQueue<String> SEEN = new ConcurrentLinkedQueue<>();

    private ContractViolations() {}

    static void add(String violation) {
        SEEN.add(violation);
    }

    public static List<String> drain() {
        List<String> out = new ArrayList<>();
        for (String v; (v = SEEN.poll()) != null; ) out.add(v);
        return out;
    }
}
