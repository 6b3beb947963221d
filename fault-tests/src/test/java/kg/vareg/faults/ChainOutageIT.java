package kg.vareg.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kg.vareg.devstack.AnvilNode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The chain node down "for minutes" (issue 8 item 6, docs/faults.md F2), compressed to {@link #OUTAGE} so the suite
 * stays short: anvil (with a state file, so the contract survives) is stopped while clients keep writing. The register
 * keeps accepting changes (every write 2xx), the worker's backlog grows and its health says so (DOWN, entriesWaiting);
 * after the node returns the backlog is anchored and {@code vareg-verify audit} verifies the whole log against the chain.
 */
class ChainOutageIT {
    static final Duration OUTAGE = Duration.ofSeconds(25);

    record Sample(double secondsIntoOutage, int status, String anchoring, long entriesWaiting) {}

    @Test
    void registerKeepsWorkingWhileTheNodeIsDownAndTheBacklogAnchorsAfter() throws Exception {
        SharedStack shared = SharedStack.get();
        Stack s = shared.stack;
        AnvilNode node = shared.chain;
        Api worker = new Api(s.worker.url(""));
        // Start from a fully anchored log, so the backlog below is the outage's.
        assertThat(Pause.until(Duration.ofSeconds(60), () -> s.leaves() == s.journalRows() && s.anchoredSize() == s.leaves()))
                .as("anchored before the outage").isTrue();
        long anchoredBefore = s.anchoredSize();

        node.stop();
        Instant down = Instant.now();
        int writes = 0;
        int created = 0;
        List<String> refused = new ArrayList<>();
        List<Sample> samples = new ArrayList<>();
        List<String> backendHealth = new ArrayList<>();
        Instant nextSample = down;
        while (Duration.between(down, Instant.now()).compareTo(OUTAGE) < 0) {
            writes++;
            Api.Answer a = s.api.send(s.registrar, "POST", Register.ISSUERS,
                    Register.issuer("Chain Outage Writer " + writes + " LLC", Register.code('N', writes)),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            if (a.status() == 201) {
                created++;
            } else {
                refused.add(a.status() + " " + a.body());
            }
            if (!Instant.now().isBefore(nextSample)) {
                JsonNode h = worker.get(null, "/actuator/health").json();
                JsonNode anchoring = h.path("components").path("anchoring");
                samples.add(new Sample(Duration.between(down, Instant.now()).toMillis() / 1000.0,
                        worker.get(null, "/actuator/health").status(), anchoring.path("status").asString(),
                        anchoring.path("details").path("entriesWaiting").asLong(-1)));
                Api.Answer b = s.api.get(null, "/actuator/health");
                backendHealth.add(b.status() + " " + b.json().path("status").asString() + " chain="
                        + b.json().path("components").path("chain").path("status").asString());
                nextSample = Instant.now().plusSeconds(3);
            }
            Pause.millis(150);
        }
        long journalAtRestart = s.journalRows();
        node.start();
        Instant up = Instant.now();

        assertThat(refused).as("register writes while the node is down").isEmpty();
        assertThat(created).isEqualTo(writes).isPositive();
        assertThat(samples).as("worker health during the outage").isNotEmpty()
                .anyMatch(x -> x.status() == 503 && x.anchoring().equals("DOWN"));
        // The backend stays in service: its "chain" component is DEGRADED (HTTP 200), not DOWN (vareg.chain.unreachable-status).
        assertThat(backendHealth).as("backend health during the outage").isNotEmpty()
                .allMatch(h -> h.startsWith("200 ") && h.endsWith("chain=DEGRADED"));
        Sample first = samples.getFirst();
        Sample last = samples.getLast();
        assertThat(last.entriesWaiting()).as("backlog grows: %s", samples).isGreaterThan(first.entriesWaiting());
        assertThat(last.entriesWaiting()).as("backlog counts the outage's writes: %s", samples).isGreaterThanOrEqualTo(created / 2);
        // The contract survived the node's restart (state file), and nothing was anchored while it was down.
        assertThat(s.anchoredSize()).isEqualTo(anchoredBefore);

        boolean anchored = Pause.until(Duration.ofSeconds(60), () -> s.anchoredSize() == journalAtRestart);
        Duration toAnchor = Duration.between(up, Instant.now());
        assertThat(anchored).as("backlog anchored after the node returned (anchored %d of %d)", s.anchoredSize(), journalAtRestart)
                .isTrue();
        assertThat(Pause.until(Duration.ofSeconds(30), () -> worker.get(null, "/actuator/health").status() == 200))
                .as("worker health UP again").isTrue();
        assertThat(worker.get(null, "/actuator/health").json().path("components").path("anchoring").path("status").asString())
                .isEqualTo("UP");
        // One anchor per size, never a size twice (the contract refuses a size that does not grow; the database too).
        assertThat(s.db.number("SELECT count(*) - count(DISTINCT tree_size) FROM log.anchors WHERE status IN ('CONFIRMED', 'MINED')"))
                .isZero();

        Cli.Result audit = s.audit();
        assertThat(audit.line()).as(audit.err()).startsWith("0|OK: all " + journalAtRestart + " entries");

        new Figures("F2 chain node down").put("outage s", OUTAGE.toSeconds()).put("writes", writes).put("2xx", created)
                .put("refused", refused.size()).put("entriesWaiting first", first.entriesWaiting())
                .put("entriesWaiting last", last.entriesWaiting())
                .put("worker health", samples.stream().map(x -> x.status() + " " + x.anchoring()).distinct().toList())
                .put("backend health", backendHealth.stream().distinct().toList())
                .put("anchored after restart (s)", toAnchor.toMillis() / 1000.0)
                .put("anchored size", s.anchoredSize()).put("audit", audit.line()).print();
    }
}
