// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @notice A deliberately hand-written ERC-20 core for the verifier's misbehaving test tokens.
/// OpenZeppelin's ERC20 keeps balances and supply private and always emits Transfer, so tokens that
/// must change supply WITHOUT a standard event (silent mints, rebasing, fee-on-transfer, Issue/Redeem
/// and Mint/Burn profiles) need their own storage. Initialised by a function (not a constructor) so the
/// same code also serves as a proxy implementation. Test fixture only: never deploy for real money.
abstract contract MiniErc20 {
    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    mapping(address => uint256) internal _balances;
    mapping(address => mapping(address => uint256)) internal _allowances;
    uint256 internal _supply;
    string internal _name;
    string internal _symbol;
    uint8 internal _decimals;
    address internal _issuer;
    bool internal _initialised;

    modifier onlyIssuer() {
        require(msg.sender == _issuer, "not the issuer");
        _;
    }

    function _init(string memory name_, string memory symbol_, uint8 decimals_, address issuer_) internal {
        require(!_initialised, "initialised");
        _initialised = true;
        _name = name_;
        _symbol = symbol_;
        _decimals = decimals_;
        _issuer = issuer_;
    }

    function name() external view returns (string memory) { return _name; }
    function symbol() external view returns (string memory) { return _symbol; }
    function decimals() external view returns (uint8) { return _decimals; }
    function owner() external view returns (address) { return _issuer; }
    function totalSupply() public view virtual returns (uint256) { return _supply; }
    function balanceOf(address a) public view virtual returns (uint256) { return _balances[a]; }
    function allowance(address o, address s) external view returns (uint256) { return _allowances[o][s]; }

    function approve(address spender, uint256 value) external returns (bool) {
        _allowances[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transfer(address to, uint256 value) external returns (bool) {
        _transfer(msg.sender, to, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        uint256 allowed = _allowances[from][msg.sender];
        require(allowed >= value, "allowance");
        _allowances[from][msg.sender] = allowed - value;
        _transfer(from, to, value);
        return true;
    }

    function _transfer(address from, address to, uint256 value) internal virtual {
        require(to != address(0), "to zero");
        require(_balances[from] >= value, "balance");
        _balances[from] -= value;
        _balances[to] += value;
        emit Transfer(from, to, value);
    }

    function _mint(address to, uint256 value) internal virtual {
        _supply += value;
        _balances[to] += value;
        emit Transfer(address(0), to, value);
    }

    function _burn(address from, uint256 value) internal virtual {
        require(_balances[from] >= value, "balance");
        _balances[from] -= value;
        _supply -= value;
        emit Transfer(from, address(0), value);
    }
}
