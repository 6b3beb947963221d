package kg.vareg.backend.security;

import kg.vareg.backend.kernel.ActorRole;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kg.vareg.backend.api.ConflictException;
import kg.vareg.backend.api.NotFoundException;
import kg.vareg.backend.register.Commitments;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Four-eyes on the regulator's weighty decisions (registration, refusal, suspension, invalidity ¶25(3), not
 * genuine ¶52, cancellation): the first staff member's call PROPOSES the decision, a second, different staff
 * member's identical call CONFIRMS it, and only then does it take effect.
 *
 * <ul>
 * <li>Proposing first runs the whole change in a transaction that is rolled back (a dry run), so a decision the
 *     rules forbid (¶ rule, role, stale version) is refused at once with the same problem as before and no
 *     proposal is stored. Then the proposal and its journal row ({@code DecisionProposed}) are committed and
 *     {@link DecisionProposed} is thrown (202 Accepted over HTTP).</li>
 * <li>Confirming locks the pending proposal, refuses the proposer ({@link FourEyesViolation}, 403), a different
 *     decision (other payload, 409), and an emission changed since the proposal (409, the proposal turns STALE);
 *     then runs the change AS the proposer's decision with the confirmation attached: the change's journal row
 *     carries an extra {@code DecisionConfirmed} event and the confirmer's commitment. One transaction.</li>
 * <li>{@link ActorRole#SYSTEM} (demo data, no login) is not subject to four-eyes.</li>
 * </ul>
 * Callers must not hold a transaction (the dry run and the proposal are separate transactions).
 */
@Service
public class FourEyes {
    /** Who may confirm a proposal: regulator staff. */
    private static final Set<ActorRole> STAFF = EnumSet.of(ActorRole.REGISTRAR, ActorRole.SUPERVISOR);
    private static final ThreadLocal<Confirmation> CONFIRMING = new ThreadLocal<>();

    private final ProposalStore proposals;
    private final SecurityJournal journal;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate dryRun;

    FourEyes(ProposalStore proposals, SecurityJournal journal, Clock clock, PlatformTransactionManager tm) {
        this.proposals = proposals;
        this.journal = journal;
        this.clock = clock;
        this.tx = new TransactionTemplate(tm);
        this.dryRun = new TransactionTemplate(tm);
        this.dryRun.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The decision being confirmed on this thread, if any (read by the change to journal the confirmation). */
    public record Confirmation(Proposal proposal, CurrentActor confirmer) {
        public Map<String, Object> journalEvent() {
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("proposal", proposal.id().toString());
            changes.put("decision", proposal.decision().name());
            changes.put("proposerRole", proposal.proposedRole().name());
            changes.put("confirmerRole", confirmer.role().name());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "DecisionConfirmed");
            m.put("paragraph", "four-eyes");
            m.put("changes", changes);
            return m;
        }
    }

    public Optional<Confirmation> confirming() {
        return Optional.ofNullable(CONFIRMING.get());
    }

    /** The change behind a decision, run inside a transaction FourEyes opens. */
    public interface Change<T> {
        /** Loads the subject (404 when the actor may not see it) and answers its current version. */
        long currentVersion(CurrentActor actor);

        /** Applies the change as {@code actor} (role checks, ¶ rules, journal row). */
        T apply(CurrentActor actor);
    }

    public <T> T decide(Decision decision, UUID emissionId, Map<String, Object> payload, CurrentActor actor, Change<T> change) {
        if (actor.role() == ActorRole.SYSTEM || !STAFF.contains(actor.role())) {
            // SYSTEM is the register itself; anyone else is refused by the change's own role and ownership checks.
            return tx.execute(s -> change.apply(actor));
        }
        String payloadText = Commitments.canonicalText(payload);
        String payloadSha = Commitments.sha256Hex(payloadText.getBytes(StandardCharsets.UTF_8));
        if (proposals.pending(emissionId, decision, false).isEmpty()) {
            return propose(decision, emissionId, payloadText, payloadSha, actor, change);
        }
        return confirm(decision, emissionId, payloadSha, actor, change);
    }

    private <T> T propose(Decision decision, UUID emissionId, String payloadText, String payloadSha, CurrentActor actor,
            Change<T> change) {
        // Dry run: every rule of the change is checked now; its effects (journal row, number) are rolled back.
        dryRun.executeWithoutResult(s -> {
            change.apply(actor);
            s.setRollbackOnly();
        });
        Proposal p = tx.execute(s -> {
            Proposal np = new Proposal(UUID.randomUUID(), emissionId, decision, payloadText, payloadSha,
                    change.currentVersion(actor), actor.username(), actor.role(), clock.instant(), "PENDING");
            proposals.insert(np);
            journal.proposed(np, actor);
            return np;
        });
        throw new DecisionProposed(p);
    }

    private <T> T confirm(Decision decision, UUID emissionId, String payloadSha, CurrentActor actor, Change<T> change) {
        boolean[] stale = {false};
        T result = tx.execute(s -> {
            long version = change.currentVersion(actor);
            Proposal p = proposals.pending(emissionId, decision, true)
                    .orElseThrow(() -> new ConflictException("the " + decision + " proposal was decided meanwhile; reload"));
            if (p.proposedBy().equals(actor.username())) throw new FourEyesViolation(decision);
            if (!p.payloadSha256().equals(payloadSha)) {
                throw new ConflictException("a different " + decision + " is pending (proposal " + p.id() + "): confirm it"
                        + " with the same data, or withdraw it first");
            }
            if (version != p.emissionVersion()) {
                proposals.close(p.id(), "STALE", actor.username(), clock.instant());
                journal.withdrawn(p, actor, "STALE");
                stale[0] = true;
                return null;
            }
            CurrentActor proposer = new CurrentActor(p.proposedBy(), p.proposedRole(), Optional.empty());
            CONFIRMING.set(new Confirmation(p, actor));
            try {
                T r = change.apply(proposer);
                proposals.close(p.id(), "CONFIRMED", actor.username(), clock.instant());
                return r;
            } finally {
                CONFIRMING.remove();
            }
        });
        if (stale[0]) {
            throw new ConflictException("the emission changed after the " + decision + " was proposed; the proposal is"
                    + " void (STALE): propose it again");
        }
        return result;
    }

    /** Pending and past proposals of an emission (staff only). */
    public List<Proposal> proposals(UUID emissionId, CurrentActor actor) {
        requireStaff(actor);
        return proposals.of(emissionId);
    }

    /** A staff member withdraws a pending proposal (e.g. a wrong one); journaled. */
    public Proposal withdraw(UUID emissionId, UUID proposalId, CurrentActor actor) {
        requireStaff(actor);
        return tx.execute(s -> {
            Proposal p = proposals.get(emissionId, proposalId, true)
                    .orElseThrow(() -> new NotFoundException("no proposal " + proposalId));
            proposals.close(p.id(), "WITHDRAWN", actor.username(), clock.instant());
            journal.withdrawn(p, actor, "WITHDRAWN");
            return proposals.get(emissionId, proposalId, false).orElseThrow();
        });
    }

    private static void requireStaff(CurrentActor actor) {
        if (!STAFF.contains(actor.role())) throw new AccessDeniedException("only regulator staff see and withdraw proposals");
    }
}
