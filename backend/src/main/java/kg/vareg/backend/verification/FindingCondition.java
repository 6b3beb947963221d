package kg.vareg.backend.verification;

/**
 * A discrepancy that holds at the verified block. {@code subject} tells conditions of one kind apart
 * ("" for a state of the token, a transaction/log for an event, an address for an implementation).
 */
record FindingCondition(FindingKind kind, String subject, Long block, String txHash, String detail) {}
