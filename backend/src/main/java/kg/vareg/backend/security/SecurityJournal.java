package kg.vareg.backend.security;

import kg.vareg.backend.kernel.ActorRole;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kg.vareg.backend.register.JournalRecord;
import kg.vareg.backend.register.JournalWriter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Journal rows of the security side, through the register's {@link JournalWriter}: proposals and withdrawals of
 * four-eyes decisions (inside their own change's transaction). FAILED attempts (403s, four-eyes refusals) go to the
 * private {@code registry.access_denial} table instead — never the public log — in a transaction of their own, so that
 * they are not rolled back with the change that was refused.
 * Actors appear as role + salted commitment only (staff names are not published; ¶66 for everyone else).
 */
@Component
public class SecurityJournal {
    private final JournalWriter journal;
    private final ActorCommitments actors;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    SecurityJournal(JournalWriter journal, ActorCommitments actors, Clock clock, PlatformTransactionManager tm,
            org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.actors = actors;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(tm);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A refused attempt: its own transaction, committed whatever happens to the caller's. */
    public void failedAttempt(CurrentActor actor, String operation, Optional<UUID> target, String reason, Optional<String> rule) {
        // Private audit table, not the public journal (issue 15 items 3, 6; docs/security.md "What enters the public log").
        ownTransaction.executeWithoutResult(s -> jdbc.update("INSERT INTO registry.access_denial (at, actor_role, actor_name,"
                        + " operation, target, reason, rule) VALUES (?, ?, ?, ?, ?, ?, ?)", java.sql.Timestamp.from(clock.instant()),
                actor.role().name(), actor.username(), operation, target.orElse(null), reason, rule.orElse(null)));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void proposed(Proposal p, CurrentActor actor) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("proposal", p.id().toString());
        changes.put("decision", p.decision().name());
        changes.put("decisionParagraph", p.decision().paragraph());
        changes.put("payloadSha256", p.payloadSha256());
        changes.put("emissionVersion", p.emissionVersion());
        write("DecisionProposed", "four-eyes", JournalRecord.subject(p.emissionId(), null, null), actor, changes);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void withdrawn(Proposal p, CurrentActor actor, String status) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("proposal", p.id().toString());
        changes.put("decision", p.decision().name());
        changes.put("status", status);
        write("DecisionWithdrawn", "four-eyes", JournalRecord.subject(p.emissionId(), null, null), actor, changes);
    }

    private void write(String type, String paragraph, Map<String, Object> subject, CurrentActor actor, Map<String, Object> changes) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("paragraph", paragraph);
        event.put("changes", changes);
        Map<String, String> commitments = actor.role() == ActorRole.SYSTEM ? Map.of() : Map.of("actor", actors.commit(actor.username()));
        journal.append(new JournalRecord(type, subject, clock.instant(), actor.role(), List.of(event), commitments, List.of()));
    }
}
