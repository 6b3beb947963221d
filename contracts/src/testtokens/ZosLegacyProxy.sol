// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @notice A proxy in the pre-EIP-1967 ZeppelinOS layout: the implementation lives in the storage slot
/// keccak256("org.zeppelinos.proxy.implementation"), the admin in keccak256("org.zeppelinos.proxy.admin").
/// Many tokens deployed in 2018-2019 still sit behind this layout; the verifier must follow it.
contract ZosLegacyProxy {
    event Upgraded(address indexed implementation);

    bytes32 private constant IMPLEMENTATION_SLOT = 0x7050c9e0f4ca769c69bd3a8ef740bc37934f8e2c036e5a723fd8ee048ed3f8c3;
    bytes32 private constant ADMIN_SLOT = 0x10d6a54a4754c8869d6886b5f5d7fbfa5b4522237ea5c60d11bc4e7a1ff9390b;

    constructor(address implementation, address admin, bytes memory data) {
        require(IMPLEMENTATION_SLOT == keccak256("org.zeppelinos.proxy.implementation"), "slot");
        require(ADMIN_SLOT == keccak256("org.zeppelinos.proxy.admin"), "slot");
        _setImplementation(implementation);
        assembly { sstore(ADMIN_SLOT, admin) }
        if (data.length > 0) {
            (bool ok,) = implementation.delegatecall(data);
            require(ok, "init failed");
        }
    }

    /// Only the admin upgrades; the admin's other calls are not forwarded (transparent proxy rule).
    function upgradeTo(address implementation) external {
        address admin;
        assembly { admin := sload(ADMIN_SLOT) }
        require(msg.sender == admin, "not admin");
        _setImplementation(implementation);
    }

    function _setImplementation(address implementation) private {
        require(implementation.code.length > 0, "no code");
        assembly { sstore(IMPLEMENTATION_SLOT, implementation) }
        emit Upgraded(implementation);
    }

    fallback() external payable {
        assembly {
            let impl := sload(IMPLEMENTATION_SLOT)
            calldatacopy(0, 0, calldatasize())
            let result := delegatecall(gas(), impl, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            switch result
            case 0 { revert(0, returndatasize()) }
            default { return(0, returndatasize()) }
        }
    }

    receive() external payable {}
}
