// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {MiniErc20} from "./MiniErc20.sol";
import {UUPSUpgradeable} from "@openzeppelin/contracts/proxy/utils/UUPSUpgradeable.sol";
import {ERC1967Proxy} from "@openzeppelin/contracts/proxy/ERC1967/ERC1967Proxy.sol";

/// @notice First implementation of an upgradeable (UUPS, EIP-1967) test token: the issuer mints and
/// may upgrade. Used behind {TokenErc1967Proxy} or {ZosLegacyProxy}.
contract ProxiedTokenV1 is MiniErc20, UUPSUpgradeable {
    function initialize(string memory name_, string memory symbol_, uint8 decimals_, address issuer_) external {
        _init(name_, symbol_, decimals_, issuer_);
    }

    function mint(address to, uint256 value) external virtual onlyIssuer { _mint(to, value); }
    function burn(uint256 value) external { _burn(msg.sender, value); }
    function version() external pure virtual returns (uint256) { return 1; }

    function _authorizeUpgrade(address) internal view override onlyIssuer {}
}

/// @notice Second implementation: same storage, and a backdoor the register never saw — the kind of
/// change the verifier must report when a proxy's implementation is swapped.
contract ProxiedTokenV2 is ProxiedTokenV1 {
    function version() external pure override returns (uint256) { return 2; }

    function mintTo(address to, uint256 value) external { _mint(to, value); }
}

/// @notice OpenZeppelin's ERC1967Proxy under a name of our own (one web3j wrapper per test contract).
contract TokenErc1967Proxy is ERC1967Proxy {
    constructor(address implementation, bytes memory data) ERC1967Proxy(implementation, data) {}
}
