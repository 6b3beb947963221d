// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {MiniErc20} from "./MiniErc20.sol";

/// @notice Test token whose balances are shares times an index: rebase() changes every balance and
/// the total supply at once, announced only by a non-standard Rebase event, never by Transfer.
contract RebasingToken is MiniErc20 {
    event Rebase(uint256 index, uint256 totalSupply);

    uint256 private constant ONE = 1e18;
    uint256 private _index = ONE;

    constructor(string memory name_, string memory symbol_, uint8 decimals_, address issuer_) {
        _init(name_, symbol_, decimals_, issuer_);
    }

    function totalSupply() public view override returns (uint256) { return _supply * _index / ONE; }
    function balanceOf(address a) public view override returns (uint256) { return _balances[a] * _index / ONE; }

    function mint(address to, uint256 value) external onlyIssuer {
        uint256 shares = value * ONE / _index;
        _supply += shares;
        _balances[to] += shares;
        emit Transfer(address(0), to, value);
    }

    function _transfer(address from, address to, uint256 value) internal override {
        uint256 shares = value * ONE / _index;
        require(to != address(0), "to zero");
        require(_balances[from] >= shares, "balance");
        _balances[from] -= shares;
        _balances[to] += shares;
        emit Transfer(from, to, value);
    }

    /// Grows (or shrinks) every balance by percent / 100.
    function rebase(uint256 percent) external onlyIssuer {
        _index = _index * percent / 100;
        emit Rebase(_index, totalSupply());
    }
}
