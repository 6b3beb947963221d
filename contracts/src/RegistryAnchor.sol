// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @notice Write-once, strictly growing checkpoints of vareg's RFC 9162 Merkle log.
/// First version (foundation): stores checkpoints behind AccessControl. The on-chain consistency
/// check and verifyInclusion are specified in the transparency-log issue.
contract RegistryAnchor is AccessControl {
    bytes32 public constant ANCHORER_ROLE = keccak256("ANCHORER_ROLE");

    struct Checkpoint {
        uint64 size;
        bytes32 root;
        uint64 timestamp;
        uint64 blockNumber;
    }

    Checkpoint[] private _checkpoints;

    event CheckpointAnchored(uint256 indexed sequence, uint64 size, bytes32 root, uint64 timestamp);

    error SizeMustGrow(uint64 lastSize, uint64 newSize);

    constructor(address admin, address anchorer) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(ANCHORER_ROLE, anchorer);
    }

    function anchor(uint64 size, bytes32 root, bytes32[] calldata /* consistencyProof */)
        external
        onlyRole(ANCHORER_ROLE)
    {
        uint64 last = _checkpoints.length == 0 ? 0 : _checkpoints[_checkpoints.length - 1].size;
        if (size <= last) revert SizeMustGrow(last, size);
        _checkpoints.push(Checkpoint(size, root, uint64(block.timestamp), uint64(block.number)));
        emit CheckpointAnchored(_checkpoints.length - 1, size, root, uint64(block.timestamp));
    }

    function checkpointCount() external view returns (uint256) {
        return _checkpoints.length;
    }

    function latestCheckpoint() external view returns (uint64 size, bytes32 root, uint64 timestamp, uint64 blockNumber) {
        if (_checkpoints.length == 0) return (0, bytes32(0), 0, 0);
        Checkpoint storage c = _checkpoints[_checkpoints.length - 1];
        return (c.size, c.root, c.timestamp, c.blockNumber);
    }
}
