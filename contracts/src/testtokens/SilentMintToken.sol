// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {MiniErc20} from "./MiniErc20.sol";

/// @notice Test token whose issuer can mint WITHOUT any event: totalSupply moves, no log says so.
/// The verifier must catch it by reconciling totalSupply() with the sum of mint/burn events.
contract SilentMintToken is MiniErc20 {
    constructor(string memory name_, string memory symbol_, uint8 decimals_, address issuer_) {
        _init(name_, symbol_, decimals_, issuer_);
    }

    function mint(address to, uint256 value) external onlyIssuer { _mint(to, value); }
    function burn(uint256 value) external { _burn(msg.sender, value); }

    /// No Transfer, no anything: the supply grows in silence.
    function silentMint(address to, uint256 value) external onlyIssuer {
        _supply += value;
        _balances[to] += value;
    }
}
