// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";

/// @title vareg RegistryAnchor: the public, append-only history of the register's Merkle log
/// @notice Holds write-once checkpoints (size, root) of vareg's RFC 9162 Merkle log (SHA-256).
/// A new checkpoint is accepted only with an RFC 9162 §2.1.4 consistency proof from the last
/// anchored one, verified here, so the contract itself guarantees that the register's history only
/// grows: a shrunk, rewritten or forked log can never be anchored, whoever holds ANCHORER_ROLE.
/// Anyone (including another contract) can check an entry with {verifyInclusion}.
/// @dev Hashing: leaf = SHA-256(0x00 ‖ entry) (computed off-chain), node = SHA-256(0x01 ‖ left ‖ right)
/// through the SHA-256 precompile (address 0x02). Storage per checkpoint: one slot with the root keyed
/// by size and half a slot of metadata (size, timestamp, block number) keyed by sequence; one head
/// slot (count, last size) is rewritten by every anchor.
contract RegistryAnchor is AccessControl {
    bytes32 public constant ANCHORER_ROLE = keccak256("ANCHORER_ROLE");

    /// @notice Longest inclusion proof accepted by {verifyInclusion}: a tree of at most 2^64 - 1 leaves
    /// has an audit path of at most 64 nodes; anything longer is not a proof but an attempt to burn gas.
    uint256 public constant MAX_PROOF_LENGTH = 64;

    /// @notice Largest log size accepted: sizes are stored in 48 bits (2.8e14 entries) so that two
    /// checkpoints' metadata share one storage slot. The ABI keeps uint64.
    uint64 public constant MAX_SIZE = type(uint48).max;

    // Gas: a checkpoint adds 256 bits of root and 128 bits of metadata (size uint48 | timestamp
    // uint40 | block number uint40; 40 bits last beyond the year 30000 even at 100 ms blocks).
    // - The root gets a fresh slot, keyed by size (rootAt, verifyInclusion).
    // - The head slot, rewritten by every anchor, holds count (bits 0-47), last size (48-95) and the
    //   latest checkpoint's metadata (128-255).
    // - The metadata of checkpoints 2k and 2k+1 is written to _metaPairs[k] (low, high 128 bits)
    //   when checkpoint 2k+1 is anchored; until then checkpoint 2k's lives in the head only.
    // So an even-numbered anchor writes one fresh slot and an odd-numbered one two.
    uint256 private _head;
    mapping(uint256 pair => uint256 packedMeta) private _metaPairs;
    mapping(uint64 size => bytes32 root) private _rootAt;

    uint256 private constant MASK48 = (1 << 48) - 1;
    uint256 private constant MASK40 = (1 << 40) - 1;

    /// @notice Emitted for every anchored checkpoint; `sequence` counts checkpoints from 0.
    event CheckpointAnchored(uint256 indexed sequence, uint64 indexed size, bytes32 root, uint64 timestamp);

    /// @notice The proposed size does not exceed the last anchored one (checkpoints strictly grow).
    error SizeMustGrow(uint64 last, uint64 proposed);
    /// @notice The consistency proof does not prove that the new tree extends the last anchored one.
    error InconsistentHistory();
    /// @notice The proof has more nodes than the sizes call for (`expected` nodes).
    error ProofTooLong(uint256 length, uint256 expected);
    /// @notice The proof has fewer nodes than the sizes call for (`expected` nodes).
    error ProofTooShort(uint256 length, uint256 expected);
    /// @notice A root of all zeros is never a SHA-256 output vareg produces (and marks "not anchored").
    error ZeroRoot();
    /// @notice The proposed size exceeds {MAX_SIZE}.
    error SizeTooLarge(uint64 size, uint64 max);
    /// @notice {checkpointAt} was asked for a sequence number that does not exist yet.
    error NoSuchCheckpoint(uint256 sequence, uint256 count);

    constructor(address admin, address anchorer) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(ANCHORER_ROLE, anchorer);
    }

    /// @notice Anchors the checkpoint (size, root) of the log.
    /// @param size number of leaves of the log; must exceed the last anchored size
    /// @param root RFC 9162 Merkle tree hash of the first `size` leaves
    /// @param consistencyProof empty for the first checkpoint; otherwise the RFC 9162 §2.1.4.1
    /// consistency proof from the last anchored (size, root) to this one
    function anchor(uint64 size, bytes32 root, bytes32[] calldata consistencyProof)
        external
        onlyRole(ANCHORER_ROLE)
    {
        if (root == bytes32(0)) revert ZeroRoot();
        uint256 head = _head;
        uint256 count = head & MASK48;
        uint64 lastSize = uint64((head >> 48) & MASK48);
        if (size <= lastSize) revert SizeMustGrow(lastSize, size);
        if (size > MAX_SIZE) revert SizeTooLarge(size, MAX_SIZE);
        if (count == 0) {
            // Nothing to be consistent with: any tree extends the empty one (RFC 9162 §2.1.4).
            if (consistencyProof.length != 0) revert ProofTooLong(consistencyProof.length, 0);
        } else {
            _verifyConsistency(lastSize, size, _rootAt[lastSize], root, consistencyProof);
        }
        uint256 sequence = count;
        uint256 meta = uint256(size) | (uint256(SafeCast.toUint40(block.timestamp)) << 48)
            | (uint256(SafeCast.toUint40(block.number)) << 88);
        if (sequence & 1 == 1) {
            // Flush the pair: the previous checkpoint's metadata (in the head) and this one's.
            _metaPairs[sequence >> 1] = (head >> 128) | (meta << 128);
        }
        _rootAt[size] = root;
        _head = (sequence + 1) | (uint256(size) << 48) | (meta << 128);
        emit CheckpointAnchored(sequence, size, root, uint64(block.timestamp));
    }

    /// @notice RFC 9162 §2.1.3.2: does `proof` show that `leafHash` is leaf number `index` of the
    /// log at the anchored checkpoint of exactly `size` leaves?
    /// @return false when `size` was never anchored, `index >= size`, or the proof does not verify;
    /// reverts only on proofs longer than {MAX_PROOF_LENGTH}.
    function verifyInclusion(bytes32 leafHash, uint64 index, uint64 size, bytes32[] calldata proof)
        external
        view
        returns (bool)
    {
        if (proof.length > MAX_PROOF_LENGTH) revert ProofTooLong(proof.length, MAX_PROOF_LENGTH);
        bytes32 root = _rootAt[size];
        if (root == bytes32(0)) return false;
        // Step 1: the index must be inside the tree.
        if (index >= size) return false;
        // Step 2-3.
        uint256 fn = index;
        uint256 sn = uint256(size) - 1;
        bytes32 r = leafHash;
        // Step 4.
        for (uint256 i = 0; i < proof.length; ++i) {
            if (sn == 0) return false;
            bytes32 p = proof[i];
            if (fn & 1 == 1 || fn == sn) {
                r = _nodeHash(p, r);
                if (fn & 1 == 0) {
                    while (fn & 1 == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = _nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        // Step 5.
        return sn == 0 && r == root;
    }

    /// @notice The last anchored checkpoint, all zeros before the first.
    function latestCheckpoint()
        external
        view
        returns (uint64 size, bytes32 root, uint64 timestamp, uint64 blockNumber)
    {
        uint256 head = _head;
        if (head & MASK48 == 0) return (0, bytes32(0), 0, 0);
        return _unpack(head >> 128);
    }

    /// @notice Number of anchored checkpoints.
    function checkpointCount() external view returns (uint256) {
        return _head & MASK48;
    }

    /// @notice Checkpoint number `sequence` (0 = the first anchored).
    function checkpointAt(uint256 sequence)
        external
        view
        returns (uint64 size, bytes32 root, uint64 timestamp, uint64 blockNumber)
    {
        uint256 head = _head;
        uint256 count = head & MASK48;
        if (sequence >= count) revert NoSuchCheckpoint(sequence, count);
        if (sequence == count - 1) return _unpack(head >> 128);
        return _unpack(_metaPairs[sequence >> 1] >> ((sequence & 1) * 128));
    }

    function _unpack(uint256 meta)
        private
        view
        returns (uint64 size, bytes32 root, uint64 timestamp, uint64 blockNumber)
    {
        size = uint64(meta & MASK48);
        timestamp = uint64((meta >> 48) & MASK40);
        blockNumber = uint64((meta >> 88) & MASK40);
        root = _rootAt[size];
    }

    /// @notice The root anchored for a log of exactly `size` leaves, zero if that size was never anchored.
    function rootAt(uint64 size) external view returns (bytes32) {
        return _rootAt[size];
    }

    /// @notice Number of nodes of a consistency proof from `first` to `second` leaves
    /// (0 < first < second), the same count RFC 9162 §2.1.4.2 consumes.
    function consistencyProofLength(uint64 first, uint64 second) public pure returns (uint256) {
        if (first == 0 || first >= second) return 0;
        uint256 fn = uint256(first) - 1;
        uint256 sn = uint256(second) - 1;
        // A first tree whose size is a power of two is itself a node of the second: its root is
        // not sent, the verifier prepends it (step 2).
        uint256 n = (first & (first - 1)) == 0 ? 0 : 1;
        while (fn & 1 == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        while (sn != 0) {
            if (fn & 1 == 1 || fn == sn) {
                if (fn & 1 == 0) {
                    while (fn & 1 == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            fn >>= 1;
            sn >>= 1;
            ++n;
        }
        return n;
    }

    /// @dev RFC 9162 §2.1.4.2 for 0 < first < second (the caller guarantees both). Reverts unless
    /// the proof shows that the tree of `second` leaves with root `secondHash` extends the tree of
    /// `first` leaves with root `firstHash`.
    function _verifyConsistency(
        uint64 first,
        uint64 second,
        bytes32 firstHash,
        bytes32 secondHash,
        bytes32[] calldata proof
    ) private view {
        // Step 1: an empty proof never proves two different sizes consistent.
        if (proof.length == 0) revert ProofTooShort(0, consistencyProofLength(first, second));
        // Step 2: a power-of-two first tree is a complete subtree: start from its root.
        bool firstIsPowerOfTwo = (first & (first - 1)) == 0;
        // Step 3.
        uint256 fn = uint256(first) - 1;
        uint256 sn = uint256(second) - 1;
        // Step 4.
        while (fn & 1 == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        // Step 5.
        uint256 start = firstIsPowerOfTwo ? 0 : 1;
        bytes32 fr = firstIsPowerOfTwo ? firstHash : proof[0];
        bytes32 sr = fr;
        // Step 6, in assembly: this loop is most of an anchor's execution gas after storage.
        // Hashes are SHA-256(0x01 ‖ left ‖ right) by the precompile at 0x02, in scratch memory above
        // the free memory pointer (never allocated); the 0x01 prefix byte is written once.
        bool tooLong;
        assembly ("memory-safe") {
            let p := mload(0x40)
            mstore8(p, 0x01)
            let end := add(proof.offset, shl(5, proof.length))
            for { let ptr := add(proof.offset, shl(5, start)) } lt(ptr, end) { ptr := add(ptr, 0x20) } {
                if iszero(sn) {
                    tooLong := 1
                    break
                }
                let c := calldataload(ptr)
                switch or(and(fn, 1), eq(fn, sn))
                case 0 {
                    // c is a right sibling of the second tree's path only.
                    mstore(add(p, 1), sr)
                    mstore(add(p, 33), c)
                    if iszero(staticcall(gas(), 0x02, p, 65, 0x00, 0x20)) { revert(0, 0) }
                    sr := mload(0x00)
                }
                default {
                    // c is a left sibling of both paths.
                    mstore(add(p, 1), c)
                    mstore(add(p, 33), fr)
                    if iszero(staticcall(gas(), 0x02, p, 65, 0x00, 0x20)) { revert(0, 0) }
                    fr := mload(0x00)
                    mstore(add(p, 33), sr)
                    if iszero(staticcall(gas(), 0x02, p, 65, 0x00, 0x20)) { revert(0, 0) }
                    sr := mload(0x00)
                    if iszero(and(fn, 1)) {
                        for {} and(iszero(and(fn, 1)), iszero(iszero(fn))) {} {
                            fn := shr(1, fn)
                            sn := shr(1, sn)
                        }
                    }
                }
                fn := shr(1, fn)
                sn := shr(1, sn)
            }
        }
        if (tooLong) revert ProofTooLong(proof.length, consistencyProofLength(first, second));
        // Step 7.
        if (sn != 0) revert ProofTooShort(proof.length, consistencyProofLength(first, second));
        if (fr != firstHash || sr != secondHash) revert InconsistentHistory();
    }

    /// @dev SHA-256(0x01 ‖ left ‖ right) with the precompile, in scratch memory above the free
    /// memory pointer (never allocated): about 250 gas instead of ~600 for abi.encodePacked.
    function _nodeHash(bytes32 left, bytes32 right) private view returns (bytes32 h) {
        assembly ("memory-safe") {
            let p := mload(0x40)
            mstore8(p, 0x01)
            mstore(add(p, 1), left)
            mstore(add(p, 33), right)
            if iszero(staticcall(gas(), 0x02, p, 65, 0x00, 0x20)) { revert(0, 0) }
            h := mload(0x00)
        }
    }
}
