// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {MiniErc20} from "./MiniErc20.sol";

/// @notice Test token in the style of early stablecoins (Tether's TetherToken): the issuer issues to
/// and redeems from its own balance with Issue(amount) / Redeem(amount) events and NO Transfer event.
contract IssueRedeemToken is MiniErc20 {
    event Issue(uint256 amount);
    event Redeem(uint256 amount);

    constructor(string memory name_, string memory symbol_, uint8 decimals_, address issuer_) {
        _init(name_, symbol_, decimals_, issuer_);
    }

    function issue(uint256 amount) external onlyIssuer {
        _balances[_issuer] += amount;
        _supply += amount;
        emit Issue(amount);
    }

    function redeem(uint256 amount) external onlyIssuer {
        require(_balances[_issuer] >= amount, "balance");
        _balances[_issuer] -= amount;
        _supply -= amount;
        emit Redeem(amount);
    }
}
