package kg.vareg.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped and started again under a steady stream of register writes (issue 8 item 6, docs/faults.md F1).
 * Clients behave as the API asks: each write carries an Idempotency-Key and is retried with the same key after a
 * 503 or a lost connection. While the database is down every answer is a 503 problem+json (never a 500, never a stack
 * trace) and health says DOWN (db); after the restart every write that got a 2xx is in the database with exactly one
 * journal row, no write exists twice, replays with the same key change nothing, and the worker integrates them all.
 */
class DatabaseOutageIT {
    static final int WRITERS = 3;
    static final Duration BEFORE = Duration.ofSeconds(3);
    static final Duration OUTAGE = Duration.ofSeconds(8);
    static final Duration AFTER = Duration.ofSeconds(3);
    static final int STUCK_AFTER_SECONDS = 10;

    /** One logical write: created with a key, retried with the same key until it gets a 2xx (or the test gives up). */
    static final class Write {
        final int n;
        final String key = UUID.randomUUID().toString();
        final String name;
        final Map<String, Object> body;
        volatile Optional<UUID> created = Optional.empty();
        volatile int attempts;
        volatile boolean stuck;

        Write(int n) {
            this.n = n;
            this.name = "Outage Writer " + n + " LLC";
            this.body = Register.issuer(name, Register.code('D', n));
        }
    }

    @Test
    void writesDuringAPostgresRestartGet503sAndNoCommittedChangeIsLostOrDoubled() throws Exception {
        SharedStack shared = SharedStack.get();
        Stack s = shared.stack;
        long leavesBefore = s.leaves();

        AtomicBoolean stopWriting = new AtomicBoolean();
        AtomicInteger next = new AtomicInteger(1);
        List<Write> writes = new java.util.concurrent.CopyOnWriteArrayList<>();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> bad503 = new ConcurrentLinkedQueue<>();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Thread t = new Thread(() -> {
                while (!stopWriting.get()) {
                    Write write = new Write(next.getAndIncrement());
                    writes.add(write);
                    // A write started is retried until it gets its 2xx, however long the outage lasts — except a key
                    // whose first request was cut off by the outage: it stays "in progress" (409), see docs/faults.md.
                    Instant giveUp = Instant.now().plus(Duration.ofSeconds(90));
                    Instant inProgressSince = null;
                    while (write.created.isEmpty() && Instant.now().isBefore(giveUp)) {
                        write.attempts++;
                        Api.Answer a = s.api.send(s.registrar, "POST", Register.ISSUERS, write.body,
                                Map.of("Idempotency-Key", write.key));
                        statuses.computeIfAbsent(a.status(), k -> new AtomicInteger()).incrementAndGet();
                        if (a.status() == 201) {
                            write.created = Optional.of(UUID.fromString(a.json().path("id").asString()));
                            Pause.millis(20); // a steady stream, not a flood: ~3 clients x 30 writes/s at most
                        } else if (a.status() == 503) {
                            if (!a.contentType().startsWith("application/problem+json") || a.headers().firstValue("Retry-After").isEmpty()
                                    || a.body().contains("Exception") || a.body().contains("\tat ")) {
                                bad503.add(a.contentType() + " " + a.body());
                            }
                            Pause.millis(250);
                        } else if (a.status() == -1) {
                            Pause.millis(250); // connection lost mid-request: retry with the same key
                        } else if (isInProgress(a)) {
                            inProgressSince = inProgressSince == null ? Instant.now() : inProgressSince;
                            if (Duration.between(inProgressSince, Instant.now()).toSeconds() >= STUCK_AFTER_SECONDS) {
                                write.stuck = true;
                                break;
                            }
                            Pause.millis(500);
                        } else {
                            unexpected.add("write " + write.n + ": " + a.status() + " " + a.contentType() + " " + a.body());
                            break;
                        }
                    }
                }
            }, "writer-" + w);
            writers.add(t);
            t.start();
        }

        Pause.millis(BEFORE.toMillis());
        long writtenBeforeOutage = writes.stream().filter(w -> w.created.isPresent()).count();
        Instant down = Instant.now();
        shared.stopPostgres();
        List<String> healthDuringOutage = new ArrayList<>();
        while (Duration.between(down, Instant.now()).compareTo(OUTAGE) < 0) {
            Api.Answer h = s.api.get(null, "/actuator/health");
            healthDuringOutage.add(h.status() + " " + (h.status() > 0 ? h.json().path("status").asString() + " db="
                    + h.json().path("components").path("db").path("status").asString() : "?"));
            Pause.millis(500);
        }
        long createdBeforeRestart = writes.stream().filter(w -> w.created.isPresent()).count();
        shared.startPostgres();
        Instant up = Instant.now();
        boolean healthy = Pause.until(Duration.ofSeconds(30), () -> s.api.get(null, "/actuator/health").status() == 200);
        Duration recovery = Duration.between(up, Instant.now());
        Pause.millis(AFTER.toMillis());
        stopWriting.set(true);
        for (Thread t : writers) {
            t.join(Duration.ofSeconds(90));
        }

        assertThat(unexpected).as("answers other than 201 / 503 / retry").isEmpty();
        assertThat(statuses).as("no 500 ever").doesNotContainKey(500);
        assertThat(bad503).as("every 503 is problem+json with Retry-After and no stack trace").isEmpty();
        assertThat(statuses.getOrDefault(503, new AtomicInteger()).get()).as("the outage was seen by clients: %s", statuses)
                .isPositive();
        assertThat(healthDuringOutage).as("health DOWN (db) during the outage").anyMatch(h -> h.equals("503 DOWN db=DOWN"));
        assertThat(healthy).as("health UP again after the restart").isTrue();
        assertThat(s.api.get(null, "/actuator/health").json().path("components").path("db").path("status").asString())
                .isEqualTo("UP");

        // Every acknowledged write is in the register exactly once, with exactly one journal row.
        List<Write> acknowledged = writes.stream().filter(w -> w.created.isPresent()).toList();
        List<Write> stuck = writes.stream().filter(w -> w.stuck).toList();
        assertThat(acknowledged.size() + stuck.size()).as("every write ends acknowledged or with its key in progress")
                .isEqualTo(writes.size());
        Map<String, Long> journalRowsPerIssuer = new java.util.HashMap<>();
        for (List<Object> row : s.db.query("""
                SELECT i.id::text, count(j.id) FROM registry.issuer i
                  LEFT JOIN registry.journal j ON j.record_type = 'IssuerRecorded'
                       AND convert_from(j.canonical_json, 'UTF8')::jsonb #>> '{subject,issuer}' = i.id::text
                 WHERE i.full_name LIKE 'Outage Writer % LLC' GROUP BY i.id""")) {
            journalRowsPerIssuer.put((String) row.get(0), ((Number) row.get(1)).longValue());
        }
        for (Write w : acknowledged) {
            assertThat(journalRowsPerIssuer.get(w.created.orElseThrow().toString())).as("journal rows of " + w.name).isEqualTo(1L);
        }
        assertThat(journalRowsPerIssuer.values()).as("one journal row per issuer in the register").allMatch(n -> n == 1L);
        // No write exists twice (a retried key never created a second issuer), and nothing unacknowledged slipped in.
        long inRegister = journalRowsPerIssuer.size();
        long distinct = s.db.number("SELECT count(DISTINCT full_name) FROM registry.issuer WHERE full_name LIKE 'Outage Writer % LLC'");
        assertThat(inRegister).as("no duplicates").isEqualTo(distinct);
        // A stuck key's change may or may not have committed (cut off between commit and answer): at most once.
        assertThat(inRegister).isBetween((long) acknowledged.size(), (long) acknowledged.size() + stuck.size());
        long stuckCommitted = inRegister - acknowledged.size();

        // Replaying acknowledged writes with their keys returns the first answer and changes nothing.
        long journalBefore = s.journalRows();
        // (The writes retried across the outage first: theirs is the answer that matters.)
        for (Write w : acknowledged.stream().sorted(java.util.Comparator.comparingInt((Write w) -> -w.attempts)).limit(5).toList()) {
            Api.Answer replay = s.api.send(s.registrar, "POST", Register.ISSUERS, w.body, Map.of("Idempotency-Key", w.key));
            assertThat(replay.status()).isEqualTo(201);
            assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            assertThat(replay.json().path("id").asString()).isEqualTo(w.created.orElseThrow().toString());
        }
        assertThat(s.journalRows()).isEqualTo(journalBefore);

        // The worker came through the outage too: it integrates every journal row, each exactly once.
        // (Its tick cut off by the outage holds the ShedLock lease until it expires: 15 s here, PT2M by default.)
        assertThat(Pause.until(Duration.ofSeconds(60), () -> s.leaves() == s.journalRows()))
                .as("worker caught up: %d leaves for %d journal rows", s.leaves(), s.journalRows()).isTrue();
        Duration workerCaughtUp = Duration.between(up, Instant.now());
        assertThat(s.db.number("SELECT count(DISTINCT journal_id) FROM log.leaves")).isEqualTo(s.journalRows());
        assertThat(s.db.number("SELECT coalesce(max(leaf_index) + 1, 0) FROM log.leaves")).isEqualTo(s.journalRows());
        assertThat(s.worker.isAlive() && s.backend.isAlive()).isTrue();

        int retried = (int) writes.stream().filter(w -> w.attempts > 1).count();
        new Figures("F1 postgres restart").put("outage s", OUTAGE.toSeconds())
                .put("writes", writes.size()).put("requests", statuses.values().stream().mapToInt(AtomicInteger::get).sum())
                .put("2xx", statuses.getOrDefault(201, new AtomicInteger()).get())
                .put("503", statuses.getOrDefault(503, new AtomicInteger()).get())
                .put("connection lost", statuses.getOrDefault(-1, new AtomicInteger()).get())
                .put("409 key in progress", statuses.getOrDefault(409, new AtomicInteger()).get())
                .put("500", statuses.getOrDefault(500, new AtomicInteger()).get())
                .put("writes retried with same key", retried)
                .put("keys left in progress", stuck.size()).put("of which committed", stuckCommitted)
                .put("acknowledged before outage", writtenBeforeOutage).put("acknowledged by restart", createdBeforeRestart)
                .put("health samples during outage", healthDuringOutage.size())
                .put("health UP after restart (ms)", recovery.toMillis())
                .put("records lost", 0).put("duplicates", 0)
                .put("leaves integrated", s.leaves() - leavesBefore)
                .put("worker caught up after restart (s)", workerCaughtUp.toMillis() / 1000.0).print();
    }

    private static boolean isInProgress(Api.Answer a) {
        return a.status() == 409 && a.body().contains("idempotency-conflict");
    }
}
