package kg.vareg.backend.emissions;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import kg.vareg.backend.api.ConflictException;
import kg.vareg.backend.api.NotFoundException;
import kg.vareg.backend.documents.StoredDocument;
import kg.vareg.backend.kernel.ActorRole;
import kg.vareg.backend.register.RegistrationNumbers;
import kg.vareg.backend.security.CurrentActor;
import kg.vareg.backend.security.Decision;
import kg.vareg.backend.security.FourEyes;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The one path every change of an emission takes: load (an issuer sees only its own), check who may act and the
 * expected version (optimistic locking, no lost update), let the aggregate apply its ¶ rule, then store the aggregate,
 * its events (history) and exactly one journal record — in the caller's transaction, so anything failing rolls all of
 * it back. Four-eyes decisions (¶10, ¶17, ¶25, ¶45, ¶52, ¶63) go through {@link #decide}.
 */
@Component
class EmissionChanges {
    static final Set<ActorRole> REGISTRAR = EnumSet.of(ActorRole.REGISTRAR, ActorRole.SYSTEM);
    static final Set<ActorRole> ISSUER = EnumSet.of(ActorRole.ISSUER, ActorRole.SYSTEM);
    /** ¶50: the supervisor may also suspend, for an inspection or to protect holders. */
    static final Set<ActorRole> REGULATOR = EnumSet.of(ActorRole.REGISTRAR, ActorRole.SUPERVISOR, ActorRole.SYSTEM);

    private final EmissionRepository emissions;
    private final RegistrationNumbers numbers;
    private final EmissionJournal journal;
    private final FourEyes fourEyes;

    EmissionChanges(EmissionRepository emissions, RegistrationNumbers numbers, EmissionJournal journal, FourEyes fourEyes) {
        this.emissions = emissions;
        this.numbers = numbers;
        this.journal = journal;
        this.fourEyes = fourEyes;
    }

    /** A step of a command: applies the aggregate's transition and adds the basis documents to journal. */
    @FunctionalInterface
    interface Step {
        void apply(Emission e, List<StoredDocument> basisDocuments);
    }

    Emission change(UUID id, Optional<Long> expectedVersion, CurrentActor actor, Set<ActorRole> roles, String who, Step step) {
        Emission e = load(id, actor);
        requireRole(actor, roles, who);
        checkVersion(e, expectedVersion);
        List<StoredDocument> docs = new ArrayList<>();
        step.apply(e, docs);
        commit(e, actor, docs);
        return e;
    }

    /** Stores the aggregate and journals the events it recorded (one journal record), cancelling numbers as they say. */
    void commit(Emission e, CurrentActor actor, List<StoredDocument> documents) {
        List<EmissionEvent> events = e.drainEvents();
        for (EmissionEvent ev : events) {
            if (ev.unwrapped() instanceof EmissionEvent.RegistrationNumberCancelled c) {
                numbers.cancel(c.registrationNumber(), c.cancelledOn(), c.basis());
            }
        }
        emissions.saveAndFlush(e);
        journal.record(e, events, actor, documents);
    }

    /** A four-eyes decision: the first staff member's call proposes, a second one's confirms and applies it. */
    Emission decide(Decision decision, UUID id, Map<String, Object> payload, CurrentActor actor, Function<CurrentActor, Emission> apply) {
        return fourEyes.decide(decision, id, payload, actor, new FourEyes.Change<>() {
            @Override
            public long currentVersion(CurrentActor a) {
                return load(id, a).version();
            }

            @Override
            public Emission apply(CurrentActor a) {
                return apply.apply(a);
            }
        });
    }

    /** The decision's data, for comparing a confirmation with its proposal (nulls left out). */
    static Map<String, Object> payload(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object v = keyValues[i + 1];
            if (v == null) continue;
            if (v instanceof List<?> l) v = l.stream().map(String::valueOf).toList();
            else if (!(v instanceof String || v instanceof Boolean)) v = v.toString();
            m.put((String) keyValues[i], v);
        }
        return m;
    }

    Emission load(UUID id, CurrentActor actor) {
        return emissions.findById(id).filter(e -> actor.maySee(e.issuerId()))
                .orElseThrow(() -> new NotFoundException("no emission " + id));
    }

    static void requireRole(CurrentActor actor, Set<ActorRole> roles, String who) {
        if (!roles.contains(actor.role())) throw new AccessDeniedException(who);
    }

    static void checkVersion(Emission e, Optional<Long> expected) {
        if (expected.isPresent() && expected.get() != e.version()) {
            throw new ConflictException("the emission was changed meanwhile: you sent version " + expected.get()
                    + ", it is now at version " + e.version() + "; reload and retry");
        }
    }
}
