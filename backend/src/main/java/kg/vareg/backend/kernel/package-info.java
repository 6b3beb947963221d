/**
 * The register's shared kernel: the few types every feature of the register core speaks — the ¶ rule a command
 * breaks ({@link kg.vareg.backend.kernel.RuleViolation}), where an emission stands
 * ({@link kg.vareg.backend.kernel.EmissionState}), who acted ({@link kg.vareg.backend.kernel.ActorRole}) and the
 * ¶5 address form ({@link kg.vareg.backend.kernel.Addresses}). It depends on no feature, so any feature may use it
 * without creating a cycle (ModuleBoundariesTest).
 */
package kg.vareg.backend.kernel;
