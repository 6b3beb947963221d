// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {MiniErc20} from "./MiniErc20.sol";

/// @notice Benchmark fixture: the issuer places tokens to many holders in one transaction, so 100k
/// real Transfer events fit in a few hundred blocks of the dev node.
contract BenchEventToken is MiniErc20 {
    constructor(string memory name_, string memory symbol_, uint8 decimals_, address issuer_) {
        _init(name_, symbol_, decimals_, issuer_);
    }

    function mint(address to, uint256 value) external onlyIssuer { _mint(to, value); }

    /// Transfers `each` from the issuer to `count` distinct addresses derived from `seed`.
    function place(uint256 seed, uint256 count, uint256 each) external onlyIssuer {
        require(_balances[msg.sender] >= count * each, "balance");
        _balances[msg.sender] -= count * each;
        for (uint256 i = 0; i < count; i++) {
            address to = address(uint160(uint256(keccak256(abi.encode(seed, i)))));
            _balances[to] += each;
            emit Transfer(msg.sender, to, each);
        }
    }
}
