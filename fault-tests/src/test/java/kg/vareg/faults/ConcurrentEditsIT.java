package kg.vareg.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Concurrent edits of one emission (issue 8 item 6, docs/faults.md F3): N clients amend the same draft at the same
 * moment, all from the same version. Exactly one wins (200), every other gets 409 problem+json, the final state is the
 * winner's change, and the journal holds exactly one row for it — no lost update, no phantom change.
 */
class ConcurrentEditsIT {
    static final int WRITERS = 8;
    static final int ROUNDS = 5;

    @Test
    void oneWriterWinsEachRoundTheOthersGet409AndNothingIsLost() throws Exception {
        Stack s = SharedStack.get().stack;
        var issuerAnswer = s.api.send(s.registrar, "POST", Register.ISSUERS, Register.issuer("Concurrent Edits LLC",
                Register.code('C', 1)), Map.of());
        if (issuerAnswer.status() != 201) {
            System.out.println(s.diagnose());
        }
        assertThat(issuerAnswer.status()).as(issuerAnswer.body()).isEqualTo(201);
        UUID issuerId = UUID.fromString(issuerAnswer.json().path("id").asString());
        Api.Account issuer = new Api.Account("fault-issuer-c1", "fault-issuer-password");
        Stack.addUser(s.db, issuer, "ISSUER", issuerId);
        var draft = s.api.send(issuer, "POST", Register.EMISSIONS, Register.application(issuerId), Map.of());
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        UUID id = UUID.fromString(draft.json().path("id").asString());
        String path = Register.EMISSIONS + "/" + id;

        int attempts = 0;
        int wins = 0;
        int conflicts = 0;
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                long version = s.api.get(issuer, path).json().path("version").asLong();
                long amendedBefore = amendedRows(s, id);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Api.Answer>> answers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    Map<String, Object> body = Register.application(issuerId);
                    body.put("version", version);
                    body.put("placementPrice", "round " + round + " writer " + w);
                    answers.add(pool.submit(() -> {
                        start.await();
                        return s.api.send(issuer, "PUT", path, body, Map.of());
                    }));
                }
                start.countDown();
                List<Integer> winners = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    Api.Answer a = answers.get(w).get();
                    attempts++;
                    if (a.status() == 200) {
                        winners.add(w);
                    } else {
                        assertThat(a.status()).as("writer %d of round %d: %s", w, round, a.body()).isEqualTo(409);
                        assertThat(a.contentType()).startsWith("application/problem+json");
                        assertThat(a.body()).doesNotContain("Exception").doesNotContain("\tat ");
                        conflicts++;
                    }
                }
                assertThat(winners).as("exactly one winner in round %d", round).hasSize(1);
                wins++;
                int winner = winners.getFirst();
                var after = s.api.get(issuer, path).json();
                assertThat(after.path("placementPrice").asString()).isEqualTo("round " + round + " writer " + winner);
                assertThat(after.path("version").asLong()).isEqualTo(version + 1);
                assertThat(amendedRows(s, id) - amendedBefore).as("journal rows for round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(amendedRows(s, id)).isEqualTo(ROUNDS);
        // The journal commits to the decision data (¶66): five rounds, five different committed states.
        assertThat(s.db.query("""
                SELECT DISTINCT convert_from(canonical_json, 'UTF8')::jsonb #>> '{commitments,decisionData}'
                  FROM registry.journal WHERE record_type = 'ApplicationAmended' AND convert_from(canonical_json, 'UTF8') LIKE ?""",
                "%" + id + "%")).hasSize(ROUNDS);
        new Figures("F3 concurrent edits").put("writers", WRITERS).put("rounds", ROUNDS).put("attempts", attempts)
                .put("2xx", wins).put("409", conflicts).put("lost updates", 0).put("journal rows", amendedRows(s, id)).print();
    }

    private static long amendedRows(Stack s, UUID emission) {
        return s.db.number("SELECT count(*) FROM registry.journal WHERE record_type = 'ApplicationAmended'"
                + " AND convert_from(canonical_json, 'UTF8') LIKE ?", "%" + emission + "%");
    }
}
