// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @title vareg TokenRegistry: the register's answer "is this token a registered emission?", on-chain
/// @notice A mirror of the Unified State Register's status of token contracts (¶57-¶62), written by
/// vareg's anchoring worker from the register's journal, so that a smart contract (an exchange's
/// listing contract, a DEX router, a bridge) can check a token without an off-chain call. The
/// authoritative register stays vareg; every status written here also exists as a journal entry
/// of the anchored Merkle log (see RegistryAnchor).
///
/// State codes (`state`), mirroring the register's emission states:
///   0 NONE                 — not in the register (never registered, or the record was withdrawn)
///   1 REGISTERED           — number assigned, white paper registered, placement not started (¶1, ¶57)
///   2 PLACEMENT            — placement by public offer under way (¶20-¶24)
///   3 SUSPENDED            — emission / placement suspended by the regulator (¶25(1), ¶50)
///   4 PLACEMENT_ENDED      — placement period over, results not yet recognised (¶29-¶34)
///   5 SUCCESSFUL           — results recognised as successful (¶34, ¶38)
///   6 UNSUCCESSFUL         — declared unsuccessful; number cancelled (¶25(2), ¶34, ¶44, ¶48)
///   7 INVALID              — declared invalid by a court (¶25(3))
///   8 NOT_GENUINE          — registration found not genuine (¶52, ¶63-¶64)
///   9 CANCELLED            — registration number cancelled for another reason (liquidation, ¶45-¶47, ¶35)
/// A token is "registered" (¶57: it has a live registration number) in states 1-5, SUSPENDED
/// included; {isInGoodStanding} additionally excludes SUSPENDED. States 6-9 are final.
///
/// VA type codes (`vaType`) are the type digit of the registration number (¶67-¶68, Annex 7):
///   1 stablecoin, 2 digital token; 3-9 reserved for other types (0 only with state NONE).
///
/// The registration number (¶67-¶68, e.g. "KG0107AB121", 11 ASCII characters) is stored as bytes12,
/// left-aligned and zero-padded.
contract TokenRegistry is AccessControl {
    bytes32 public constant UPDATER_ROLE = keccak256("UPDATER_ROLE");

    uint8 public constant STATE_NONE = 0;
    uint8 public constant STATE_REGISTERED = 1;
    uint8 public constant STATE_PLACEMENT = 2;
    uint8 public constant STATE_SUSPENDED = 3;
    uint8 public constant STATE_PLACEMENT_ENDED = 4;
    uint8 public constant STATE_SUCCESSFUL = 5;
    uint8 public constant STATE_UNSUCCESSFUL = 6;
    uint8 public constant STATE_INVALID = 7;
    uint8 public constant STATE_NOT_GENUINE = 8;
    uint8 public constant STATE_CANCELLED = 9;

    uint8 public constant VA_TYPE_STABLECOIN = 1;
    uint8 public constant VA_TYPE_DIGITAL_TOKEN = 2;

    struct Status {
        bytes12 registrationNumber;
        uint8 state;
        uint8 vaType;
        uint64 updatedAt;
        uint256 registeredQuantity;
    }

    mapping(uint256 chainId => mapping(address token => Status)) private _status;

    /// @notice Emitted on every write of a token's status.
    event TokenStatusChanged(
        uint256 indexed chainId,
        address indexed token,
        bytes12 indexed registrationNumber,
        uint8 state,
        uint8 vaType,
        uint256 registeredQuantity
    );

    error ZeroChainId();
    error ZeroToken();
    error UnknownState(uint8 state);
    error UnknownVaType(uint8 vaType);
    /// @notice A number is required in every state but NONE, and none is allowed with NONE.
    error RegistrationNumberMismatch(uint8 state);

    constructor(address admin, address updater) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(UPDATER_ROLE, updater);
    }

    /// @notice Records the register's status of `token` on chain `chainId` (the register covers
    /// tokens on several chains; this contract may live on any of them).
    function setStatus(
        uint256 chainId,
        address token,
        bytes12 registrationNumber,
        uint8 state,
        uint8 vaType,
        uint256 registeredQuantity
    ) external onlyRole(UPDATER_ROLE) {
        if (chainId == 0) revert ZeroChainId();
        if (token == address(0)) revert ZeroToken();
        if (state > STATE_CANCELLED) revert UnknownState(state);
        if (state == STATE_NONE) {
            if (registrationNumber != bytes12(0)) revert RegistrationNumberMismatch(state);
            if (vaType != 0) revert UnknownVaType(vaType);
        } else {
            if (registrationNumber == bytes12(0)) revert RegistrationNumberMismatch(state);
            // Type digits 1-9 are defined or reserved by ¶68; letters are reserved too but not used yet.
            if (vaType == 0 || vaType > 9) revert UnknownVaType(vaType);
        }
        _status[chainId][token] =
            Status(registrationNumber, state, vaType, uint64(block.timestamp), registeredQuantity);
        emit TokenStatusChanged(chainId, token, registrationNumber, state, vaType, registeredQuantity);
    }

    /// @notice The register's status of `token` on chain `chainId`; all zeros if never written.
    function statusOf(uint256 chainId, address token)
        external
        view
        returns (
            bool registered,
            bytes12 registrationNumber,
            uint8 state,
            uint8 vaType,
            uint256 registeredQuantity,
            uint64 updatedAt
        )
    {
        Status storage s = _status[chainId][token];
        return (_isRegistered(s.state), s.registrationNumber, s.state, s.vaType, s.registeredQuantity, s.updatedAt);
    }

    /// @notice True when `token` on this chain has a live registration number (states 1-5).
    function isRegistered(address token) external view returns (bool) {
        return _isRegistered(_status[block.chainid][token].state);
    }

    /// @notice True when `token` on this chain is registered and not suspended (states 1, 2, 4, 5).
    function isInGoodStanding(address token) external view returns (bool) {
        uint8 state = _status[block.chainid][token].state;
        return _isRegistered(state) && state != STATE_SUSPENDED;
    }

    function _isRegistered(uint8 state) private pure returns (bool) {
        return state >= STATE_REGISTERED && state <= STATE_SUCCESSFUL;
    }
}
