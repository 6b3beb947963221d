package kg.vareg.backend.security;

/**
 * Thrown by a four-eyes decision when this call only PROPOSED it (the proposal is committed; nothing else changed).
 * Callers that expect the change to have happened therefore cannot mistake a proposal for a decision: the REST API
 * answers 202 Accepted with the proposal, pages show "awaiting confirmation".
 */
public final class DecisionProposed extends RuntimeException {
    private final transient Proposal proposal;

    public DecisionProposed(Proposal proposal) {
        super(proposal.decision() + " proposed; a second staff member must confirm it (four-eyes)", null, false, false);
        this.proposal = proposal;
    }

    public Proposal proposal() {
        return proposal;
    }
}
