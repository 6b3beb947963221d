// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {MiniErc20} from "./MiniErc20.sol";

/// @notice Test token that announces supply changes only with Mint(to, amount) / Burn(burner, amount)
/// events (no Transfer from/to the zero address), as some pre-standard tokens did.
contract MintBurnEventToken is MiniErc20 {
    event Mint(address indexed to, uint256 amount);
    event Burn(address indexed burner, uint256 value);

    constructor(string memory name_, string memory symbol_, uint8 decimals_, address issuer_) {
        _init(name_, symbol_, decimals_, issuer_);
    }

    function mint(address to, uint256 amount) external onlyIssuer {
        _supply += amount;
        _balances[to] += amount;
        emit Mint(to, amount);
    }

    function burn(uint256 value) external {
        require(_balances[msg.sender] >= value, "balance");
        _balances[msg.sender] -= value;
        _supply -= value;
        emit Burn(msg.sender, value);
    }
}
