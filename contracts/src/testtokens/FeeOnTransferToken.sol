// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {MiniErc20} from "./MiniErc20.sol";

/// @notice Test token that takes a fee on every transfer and destroys it silently: the Transfer event
/// reports the full amount, the recipient gets amount - fee, and totalSupply drops by the fee with no
/// Transfer to the zero address. Event sums then disagree with totalSupply().
contract FeeOnTransferToken is MiniErc20 {
    uint256 public immutable feeBasisPoints;

    constructor(string memory name_, string memory symbol_, uint8 decimals_, address issuer_, uint256 feeBps) {
        _init(name_, symbol_, decimals_, issuer_);
        feeBasisPoints = feeBps;
    }

    function mint(address to, uint256 value) external onlyIssuer { _mint(to, value); }

    function _transfer(address from, address to, uint256 value) internal override {
        require(to != address(0), "to zero");
        require(_balances[from] >= value, "balance");
        uint256 fee = value * feeBasisPoints / 10_000;
        _balances[from] -= value;
        _balances[to] += value - fee;
        _supply -= fee;
        emit Transfer(from, to, value);
    }
}
