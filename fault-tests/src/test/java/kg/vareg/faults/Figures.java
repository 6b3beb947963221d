package kg.vareg.faults;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The figures a fault test reports (docs/faults.md copies them): one greppable line per test. */
final class Figures {
    private final String test;
    private final Map<String, Object> values = new LinkedHashMap<>();

    Figures(String test) {
        this.test = test;
    }

    Figures put(String name, Object value) {
        values.put(name, value);
        return this;
    }

    void print() {
        System.out.println("FAULT-FIGURES " + test + ": " + values.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")));
    }
}
