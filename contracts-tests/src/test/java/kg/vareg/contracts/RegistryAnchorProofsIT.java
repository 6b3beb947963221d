package kg.vareg.contracts;

import static kg.vareg.contracts.Chain.big;
import static kg.vareg.contracts.Chain.error;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import kg.vareg.contracts.generated.RegistryAnchor;
import kg.vareg.devstack.AnvilNode;
import kg.vareg.ledger.LogVerificationException;
import kg.vareg.ledger.hash.Sha256Hash;
import kg.vareg.ledger.merkle.ConsistencyProof;
import kg.vareg.ledger.verify.MerkleVerifier;
import kg.vareg.testsupport.TestChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

/**
 * The on-chain RFC 9162 §2.1.4.2 verifier against the ledger's proof generator for every pair of
 * sizes 1 ≤ m < n ≤ m + 24, m ≤ 24: the honest proof is accepted (eth_call of anchor from the
 * anchorer), the same proof with its last node flipped is refused, and the contract's expected proof
 * length equals the ledger's; the contract and the ledger's off-chain verifier agree on proofs
 * claimed for the wrong second size. On a private node, so the many deployments stay out of the shared one.
 */
class RegistryAnchorProofsIT {

    private static AnvilNode node;
    private static Chain chain;

    @BeforeAll
    static void start() {
        node = TestChain.startPrivate();
        chain = new Chain(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static boolean ledgerAccepts(long first, long second, List<byte[]> proof, byte[] root1, byte[] root2) {
        try {
            MerkleVerifier.verifyConsistency(
                    new ConsistencyProof(first, second, proof.stream().map(Sha256Hash::of).toList()),
                    Sha256Hash.of(root1), Sha256Hash.of(root2));
            return true;
        } catch (LogVerificationException e) {
            return false;
        }
    }

    @Test
    void everySmallConsistencyProofVerifiesOnChainAndEveryMutationFails() throws Exception {
        Credentials admin = node.account(0);
        Credentials anchorer = node.account(1);
        ReferenceLog log = ReferenceLog.of("exhaustive");
        int checked = 0;
        int misclaimedAccepted = 0;
        int misclaimedRefused = 0;
        for (long m = 1; m <= 24; m++) {
            RegistryAnchor anchor = chain.anchorAs(chain.deployAnchor(admin, anchorer.getAddress()), anchorer);
            anchor.anchor(big(m), log.root(m), List.of()).send();
            for (long n = m + 1; n <= m + 24; n++) {
                List<byte[]> proof = log.consistency(m, n);
                assertThat(anchor.consistencyProofLength(big(m), big(n)).send()).as("length %d->%d", m, n)
                        .isEqualTo(big(proof.size()));
                String to = anchor.getContractAddress();
                assertThat(chain.revertData(anchorer.getAddress(), to,
                        anchor.anchor(big(n), log.root(n), proof).encodeFunctionCall()))
                        .as("honest proof %d->%d", m, n).isNull();
                List<byte[]> mutated = new ArrayList<>(proof);
                byte[] last = mutated.get(mutated.size() - 1).clone();
                last[7] ^= 4;
                mutated.set(mutated.size() - 1, last);
                assertThat(chain.revertData(anchorer.getAddress(), to,
                        anchor.anchor(big(n), log.root(n), mutated).encodeFunctionCall()))
                        .as("mutated proof %d->%d", m, n).isEqualTo(error("InconsistentHistory"));
                // Differential: the same proof claimed for neighbouring second sizes is accepted by the
                // contract exactly when the ledger's RFC 9162 verifier accepts it.
                for (long claimed : new long[] {n - 1, n + 1, n + 2}) {
                    if (claimed <= m) {
                        continue;
                    }
                    String revert = chain.revertData(anchorer.getAddress(), to,
                            anchor.anchor(big(claimed), log.root(n), proof).encodeFunctionCall());
                    boolean ledger = ledgerAccepts(m, claimed, proof, log.root(m), log.root(n));
                    assertThat(revert == null).as("proof %d->%d claimed for %d", m, n, claimed).isEqualTo(ledger);
                    if (ledger) {
                        misclaimedAccepted++;
                    } else {
                        misclaimedRefused++;
                    }
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(24 * 24);
        // Both outcomes occur, so the differential comparison is not vacuous.
        assertThat(misclaimedAccepted).isPositive();
        assertThat(misclaimedRefused).isPositive();
    }
}
