// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @notice Benchmark baseline only — never deployed by vareg: the naive way to put a log on-chain,
/// one transaction per entry storing its hash. docs/benchmarks.md ("Anchor gas") compares its gas
/// per entry with RegistryAnchor's gas per checkpoint.
contract NaiveAnchor {
    /// @dev An immutable writer (no storage read) keeps the baseline as cheap as it can honestly be.
    address public immutable writer;
    bytes32[] private _entries;

    error NotWriter();

    constructor(address writer_) {
        writer = writer_;
    }

    event EntryStored(uint256 indexed index, bytes32 leafHash);

    function store(bytes32 leafHash) external {
        if (msg.sender != writer) revert NotWriter();
        _entries.push(leafHash);
        emit EntryStored(_entries.length - 1, leafHash);
    }

    function entryCount() external view returns (uint256) {
        return _entries.length;
    }

    function entryAt(uint256 index) external view returns (bytes32) {
        return _entries[index];
    }
}
