package kg.vareg.contracts;

import static kg.vareg.contracts.Chain.big;
import static kg.vareg.contracts.Chain.error;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import kg.vareg.contracts.generated.RegistryAnchor;
import kg.vareg.devstack.EvmNode;
import kg.vareg.testsupport.WithEvmNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * RegistryAnchor on a real anvil node through the generated wrapper: checkpoints only grow, and only
 * along a consistency proof the contract verifies itself (RFC 9162 §2.1.4.2); roots and proofs come
 * from the ledger module.
 */
@WithEvmNode
class RegistryAnchorIT {

    private static final byte[] ANCHORER_ROLE = org.web3j.crypto.Hash.sha3("ANCHORER_ROLE".getBytes());

    private Chain chain;
    private Credentials admin;
    private Credentials anchorer;
    private Credentials stranger;
    private RegistryAnchor anchor;
    private ReferenceLog log;

    @BeforeEach
    void deploy(EvmNode node) {
        chain = new Chain(node);
        admin = node.account(0);
        anchorer = node.account(1);
        stranger = node.account(2);
        anchor = chain.anchorAs(chain.deployAnchor(admin, anchorer.getAddress()), anchorer);
        log = ReferenceLog.of("anchor-it");
    }

    @Test
    void firstCheckpointNeedsNoProofAndIsStoredWithBlockTime() throws Exception {
        TransactionReceipt r = anchor.anchor(big(5), log.root(5), List.of()).send();

        var latest = anchor.latestCheckpoint().send();
        var block = chain.block(r.getBlockNumber());
        assertThat(latest.component1()).isEqualTo(big(5));
        assertThat(latest.component2()).isEqualTo(log.root(5));
        assertThat(latest.component3()).isEqualTo(block.getTimestamp());
        assertThat(latest.component4()).isEqualTo(r.getBlockNumber());
        assertThat(anchor.checkpointCount().send()).isEqualTo(BigInteger.ONE);
        assertThat(anchor.rootAt(big(5)).send()).isEqualTo(log.root(5));
        assertThat(anchor.rootAt(big(4)).send()).isEqualTo(new byte[32]);

        var events = RegistryAnchor.getCheckpointAnchoredEvents(r);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).sequence).isEqualTo(BigInteger.ZERO);
        assertThat(events.get(0).size).isEqualTo(big(5));
        assertThat(events.get(0).root).isEqualTo(log.root(5));
        assertThat(events.get(0).timestamp).isEqualTo(block.getTimestamp());
    }

    @Test
    void emptyContractAnswersZeros() throws Exception {
        var latest = anchor.latestCheckpoint().send();
        assertThat(latest.component1()).isEqualTo(BigInteger.ZERO);
        assertThat(latest.component2()).isEqualTo(new byte[32]);
        assertThat(anchor.checkpointCount().send()).isEqualTo(BigInteger.ZERO);
        assertThat(chain.revertData(admin.getAddress(), anchor.getContractAddress(),
                anchor.checkpointAt(BigInteger.ZERO).encodeFunctionCall()))
                .isEqualTo(error("NoSuchCheckpoint", new Uint256(0), new Uint256(0)));
    }

    @Test
    void growsAlongLedgerConsistencyProofsIncludingPowerOfTwoOldSizes() throws Exception {
        // Old sizes 1, 2, 4, 8, 16, 32 are powers of two (the old root is not in the proof); the
        // others are not; batches of 1 to 50 entries.
        long[] sizes = {1, 2, 3, 4, 5, 7, 8, 9, 12, 16, 17, 31, 32, 33, 63, 64, 100, 150};
        List<BigInteger> blocks = new ArrayList<>();
        blocks.add(anchor.anchor(big(sizes[0]), log.root(sizes[0]), List.of()).send().getBlockNumber());
        for (int i = 1; i < sizes.length; i++) {
            List<byte[]> proof = log.consistency(sizes[i - 1], sizes[i]);
            assertThat(anchor.consistencyProofLength(big(sizes[i - 1]), big(sizes[i])).send())
                    .isEqualTo(big(proof.size()));
            TransactionReceipt r = anchor.anchor(big(sizes[i]), log.root(sizes[i]), proof).send();
            assertThat(r.isStatusOK()).isTrue();
            blocks.add(r.getBlockNumber());
            var latest = anchor.latestCheckpoint().send();
            assertThat(latest.component1()).isEqualTo(big(sizes[i]));
            assertThat(latest.component4()).isEqualTo(r.getBlockNumber());
            var event = RegistryAnchor.getCheckpointAnchoredEvents(r).get(0);
            assertThat(event.sequence).isEqualTo(big(i));
            assertThat(event.size).isEqualTo(big(sizes[i]));
        }
        assertThat(anchor.checkpointCount().send()).isEqualTo(big(sizes.length));
        for (int i = 0; i < sizes.length; i++) {
            var cp = anchor.checkpointAt(big(i)).send();
            assertThat(cp.component1()).isEqualTo(big(sizes[i]));
            assertThat(cp.component2()).isEqualTo(log.root(sizes[i]));
            assertThat(cp.component4()).as("block of checkpoint %d", i).isEqualTo(blocks.get(i));
            assertThat(cp.component3()).isEqualTo(chain.block(blocks.get(i)).getTimestamp());
            assertThat(anchor.rootAt(big(sizes[i])).send()).isEqualTo(log.root(sizes[i]));
        }
        assertThat(anchor.latestCheckpoint().send().component1()).isEqualTo(big(150));
    }

    @Test
    void firstCheckpointWithAProofOrAZeroRootOrSizeZeroIsRefused() throws Exception {
        expectRevert(anchor.anchor(big(4), log.root(4), List.of(log.root(2))),
                error("ProofTooLong", new Uint256(1), new Uint256(0)));
        expectRevert(anchor.anchor(big(4), new byte[32], List.of()), error("ZeroRoot"));
        expectRevert(anchor.anchor(big(0), log.root(0), List.of()),
                error("SizeMustGrow", new Uint64(0), new Uint64(0)));
        long max = (1L << 48) - 1;
        expectRevert(anchor.anchor(big(max + 1), log.root(4), List.of()),
                error("SizeTooLarge", new Uint64(max + 1), new Uint64(max)));
        assertThat(anchor.checkpointCount().send()).isEqualTo(BigInteger.ZERO);
    }

    @Test
    void sameOrSmallerSizeIsRefused() throws Exception {
        anchor.anchor(big(10), log.root(10), List.of()).send();
        expectRevert(anchor.anchor(big(10), log.root(10), List.of()),
                error("SizeMustGrow", new Uint64(10), new Uint64(10)));
        // Even "the same size with an empty proof" — RFC 9162's first == second case — cannot re-anchor.
        ReferenceLog other = ReferenceLog.of("another log");
        expectRevert(anchor.anchor(big(10), other.root(10), List.of()),
                error("SizeMustGrow", new Uint64(10), new Uint64(10)));
        expectRevert(anchor.anchor(big(7), log.root(7), List.of()),
                error("SizeMustGrow", new Uint64(10), new Uint64(7)));
        assertThat(anchor.checkpointCount().send()).isEqualTo(BigInteger.ONE);
        assertThat(anchor.rootAt(big(10)).send()).isEqualTo(log.root(10));
    }

    @Test
    void aForkedLogCannotBeAnchored() throws Exception {
        anchor.anchor(big(6), log.root(6), List.of()).send();
        // The fork rewrites entry 3 and then grows honestly: its own proof 6 -> 13 is valid for the
        // fork, but its size-6 tree is not the anchored one.
        ReferenceLog fork = ReferenceLog.forkOf("anchor-it", 3);
        assertThat(fork.root(6)).isNotEqualTo(log.root(6));
        expectRevert(anchor.anchor(big(13), fork.root(13), fork.consistency(6, 13)), error("InconsistentHistory"));
        // A fork that changes only entries after the anchored size is a legitimate extension.
        ReferenceLog tailFork = ReferenceLog.forkOf("anchor-it", 8);
        anchor.anchor(big(13), tailFork.root(13), tailFork.consistency(6, 13)).send();
        // ...but from then on, the honest log (whose entry 8 differs) is the fork.
        expectRevert(anchor.anchor(big(20), log.root(20), log.consistency(13, 20)), error("InconsistentHistory"));
        // Power-of-two anchored size: the old root is not in the proof, the contract supplies it.
        RegistryAnchor second = chain.anchorAs(chain.deployAnchor(admin, anchorer.getAddress()), anchorer);
        second.anchor(big(8), log.root(8), List.of()).send();
        ReferenceLog earlyFork = ReferenceLog.forkOf("anchor-it", 0);
        chain.assertReverts(anchorer.getAddress(), second.getContractAddress(),
                second.anchor(big(11), earlyFork.root(11), earlyFork.consistency(8, 11)), error("InconsistentHistory"));
    }

    @Test
    void wrongShortLongAndMutatedProofsAreRefused() throws Exception {
        anchor.anchor(big(13), log.root(13), List.of()).send();
        List<byte[]> good = log.consistency(13, 30);
        byte[] root30 = log.root(30);
        int n = good.size();
        assertThat(n).isGreaterThan(2);

        expectRevert(anchor.anchor(big(30), root30, List.of()), error("ProofTooShort", new Uint256(0), new Uint256(n)));
        expectRevert(anchor.anchor(big(30), root30, good.subList(0, n - 1)),
                error("ProofTooShort", new Uint256(n - 1), new Uint256(n)));
        List<byte[]> longer = new ArrayList<>(good);
        longer.add(log.root(2));
        expectRevert(anchor.anchor(big(30), root30, longer), error("ProofTooLong", new Uint256(n + 1), new Uint256(n)));
        // A proof for other sizes.
        List<byte[]> otherSizes = log.consistency(12, 30);
        int m = otherSizes.size();
        expectRevert(anchor.anchor(big(30), root30, otherSizes), m == n ? error("InconsistentHistory")
                : error(m < n ? "ProofTooShort" : "ProofTooLong", new Uint256(m), new Uint256(n)));
        // The right proof for another new root.
        expectRevert(anchor.anchor(big(30), log.root(29), good), error("InconsistentHistory"));
        // NB a proof does not pin the second size exactly: the 13 -> 30 proof also "verifies" for
        // (29, root30) because its last node is the opaque MTH(D[16:30]) — RFC 9162 (and the ledger's
        // verifier, see RegistryAnchorProofsIT) accept it too. What it can never do is change the
        // anchored prefix; the size is bound by the signed checkpoint, not by the proof.
        // Every node mutated in turn (one flipped bit), and two nodes swapped.
        for (int i = 0; i < n; i++) {
            List<byte[]> mutated = new ArrayList<>(good);
            byte[] h = mutated.get(i).clone();
            h[31] ^= 1;
            mutated.set(i, h);
            assertThat(chain.revertData(anchorer.getAddress(), anchor.getContractAddress(),
                    anchor.anchor(big(30), root30, mutated).encodeFunctionCall()))
                    .as("node %d flipped", i).isEqualTo(error("InconsistentHistory"));
        }
        List<byte[]> swapped = new ArrayList<>(good);
        swapped.set(0, good.get(1));
        swapped.set(1, good.get(0));
        expectRevert(anchor.anchor(big(30), root30, swapped), error("InconsistentHistory"));

        assertThat(anchor.checkpointCount().send()).isEqualTo(BigInteger.ONE);
        anchor.anchor(big(30), root30, good).send();
        assertThat(anchor.latestCheckpoint().send().component1()).isEqualTo(big(30));
    }

    @Test
    void onlyTheAnchorerAnchorsAndTheAdminManagesAnchorers() throws Exception {
        RegistryAnchor asStranger = chain.anchorAs(anchor, stranger);
        String unauthorized = error("AccessControlUnauthorizedAccount",
                new Address(stranger.getAddress()), new Bytes32(ANCHORER_ROLE));
        expectRevert(stranger, asStranger.anchor(big(3), log.root(3), List.of()), unauthorized);
        // The admin itself is not an anchorer.
        RegistryAnchor asAdmin = chain.anchorAs(anchor, admin);
        expectRevert(admin, asAdmin.anchor(big(3), log.root(3), List.of()), error("AccessControlUnauthorizedAccount",
                new Address(admin.getAddress()), new Bytes32(ANCHORER_ROLE)));
        // A stranger cannot grant itself the role.
        expectRevert(stranger, asStranger.grantRole(ANCHORER_ROLE, stranger.getAddress()),
                error("AccessControlUnauthorizedAccount", new Address(stranger.getAddress()), new Bytes32(new byte[32])));

        asAdmin.grantRole(ANCHORER_ROLE, stranger.getAddress()).send();
        asStranger.anchor(big(3), log.root(3), List.of()).send();
        asAdmin.revokeRole(ANCHORER_ROLE, stranger.getAddress()).send();
        assertThat(anchor.hasRole(ANCHORER_ROLE, stranger.getAddress()).send()).isFalse();
        expectRevert(stranger, asStranger.anchor(big(4), log.root(4), log.consistency(3, 4)), unauthorized);
        anchor.anchor(big(4), log.root(4), log.consistency(3, 4)).send();
        assertThat(anchor.checkpointCount().send()).isEqualTo(big(2));
    }

    @Test
    void verifyInclusionAcceptsEveryLeafAtEveryAnchoredSize() throws Exception {
        long[] sizes = {1, 6, 8, 13, 21};
        anchor.anchor(big(1), log.root(1), List.of()).send();
        for (int i = 1; i < sizes.length; i++) {
            anchor.anchor(big(sizes[i]), log.root(sizes[i]), log.consistency(sizes[i - 1], sizes[i])).send();
        }
        for (long size : sizes) {
            for (long index = 0; index < size; index++) {
                List<byte[]> proof = log.inclusion(index, size);
                assertThat(anchor.verifyInclusion(log.leafHash(index), big(index), big(size), proof).send())
                        .as("leaf %d at size %d", index, size).isTrue();
            }
        }
    }

    @Test
    void verifyInclusionRejectsBadProofsWithoutReverting() throws Exception {
        anchor.anchor(big(8), log.root(8), List.of()).send();
        anchor.anchor(big(13), log.root(13), log.consistency(8, 13)).send();
        byte[] leaf = log.leafHash(5);
        List<byte[]> good = log.inclusion(5, 13);
        assertThat(verify(leaf, 5, 13, good)).isTrue();

        for (int i = 0; i < good.size(); i++) {
            List<byte[]> mutated = new ArrayList<>(good);
            byte[] h = mutated.get(i).clone();
            h[0] ^= (byte) 0x80;
            mutated.set(i, h);
            assertThat(verify(leaf, 5, 13, mutated)).as("node %d flipped", i).isFalse();
        }
        assertThat(verify(log.leafHash(6), 5, 13, good)).as("other leaf").isFalse();
        assertThat(verify(leaf, 4, 13, good)).as("other index").isFalse();
        assertThat(verify(leaf, 13, 13, good)).as("index = size").isFalse();
        assertThat(verify(leaf, 5, 12, log.inclusion(5, 12))).as("size 12 never anchored").isFalse();
        assertThat(verify(leaf, 5, 14, log.inclusion(5, 14))).as("size 14 not anchored yet").isFalse();
        assertThat(verify(leaf, 5, 13, good.subList(0, good.size() - 1))).as("short").isFalse();
        List<byte[]> longer = new ArrayList<>(good);
        longer.add(log.root(1));
        assertThat(verify(leaf, 5, 13, longer)).as("long").isFalse();
        assertThat(verify(leaf, 5, 13, List.of())).as("empty").isFalse();
        List<byte[]> swapped = new ArrayList<>(good);
        swapped.set(0, good.get(1));
        swapped.set(1, good.get(0));
        assertThat(verify(leaf, 5, 13, swapped)).as("swapped").isFalse();
        // The leaf as an interior node (second preimage): the root's children are not leaves.
        assertThat(verify(log.root(8), 0, 13, List.of(log.root(13)))).isFalse();
        // The proof for the other anchored size.
        assertThat(verify(leaf, 5, 13, log.inclusion(5, 8))).isFalse();
        assertThat(verify(leaf, 5, 8, log.inclusion(5, 8))).isTrue();

        List<byte[]> absurd = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            absurd.add(log.root(1));
        }
        assertThat(chain.revertData(stranger.getAddress(), anchor.getContractAddress(),
                anchor.verifyInclusion(leaf, big(5), big(13), absurd).encodeFunctionCall()))
                .isEqualTo(error("ProofTooLong", new Uint256(65), new Uint256(64)));
    }

    private boolean verify(byte[] leaf, long index, long size, List<byte[]> proof) throws Exception {
        return anchor.verifyInclusion(leaf, big(index), big(size), proof).send();
    }

    private void expectRevert(RemoteFunctionCall<TransactionReceipt> call, String error) {
        expectRevert(anchorer, call, error);
    }

    private void expectRevert(Credentials from, RemoteFunctionCall<TransactionReceipt> call, String error) {
        chain.assertReverts(from.getAddress(), anchor.getContractAddress(), call, error);
    }
}
