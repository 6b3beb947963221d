package kg.vareg.backend.verification;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.utils.Numeric;

/**
 * Reads a token contract at a given block: code, proxy implementation (EIP-1967 implementation and
 * beacon slots, the older ZeppelinOS slot), ERC-20 metadata, totalSupply, the issuer wallet's balance
 * and owner(). Everything at the SAME block the events were scanned up to.
 */
final class ContractInspector {
    /** bytes32(uint256(keccak256("eip1967.proxy.implementation")) - 1) */
    static final BigInteger EIP1967_IMPLEMENTATION =
            Numeric.toBigInt("0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc");
    /** bytes32(uint256(keccak256("eip1967.proxy.beacon")) - 1) */
    static final BigInteger EIP1967_BEACON =
            Numeric.toBigInt("0xa3f0ad74e5423aebfd80d3ef4346578335a9a72aeaee59ff6cb3582b35133d50");
    /** keccak256("org.zeppelinos.proxy.implementation"), the layout before EIP-1967 (ZeppelinOS 2.x). */
    static final BigInteger ZEPPELINOS_IMPLEMENTATION =
            Numeric.toBigInt("0x7050c9e0f4ca769c69bd3a8ef740bc37934f8e2c036e5a723fd8ee048ed3f8c3");

    private ContractInspector() {}

    /** The independent reads of one token go to the node concurrently (virtual threads wait on I/O). */
    private static final ExecutorService READERS = Executors.newVirtualThreadPerTaskExecutor();

    static ContractReading read(ChainGateway chain, String token, String issuerWallet, long block) {
        // Ten independent reads at the same block, in parallel: a no-news pass costs the slowest of them, not
        // their sum (docs/benchmarks-verifier.md). Each keeps its own timeout and retries (ChainGateway).
        CompletableFuture<String> code = async(() -> chain.code(token, block));
        CompletableFuture<Optional<String>> implSlot = async(() -> slotAddress(chain, token, EIP1967_IMPLEMENTATION, block));
        CompletableFuture<Optional<String>> beaconSlot = async(() -> slotAddress(chain, token, EIP1967_BEACON, block));
        CompletableFuture<Optional<String>> zosSlot = async(() -> slotAddress(chain, token, ZEPPELINOS_IMPLEMENTATION, block));
        CompletableFuture<Optional<String>> name = async(() -> text(chain, token, "name", block));
        CompletableFuture<Optional<String>> symbol = async(() -> text(chain, token, "symbol", block));
        CompletableFuture<Optional<BigInteger>> decimals = async(() -> uint(chain, token, "decimals", List.of(), block));
        CompletableFuture<Optional<BigInteger>> totalSupply = async(() -> uint(chain, token, "totalSupply", List.of(), block));
        CompletableFuture<Optional<BigInteger>> balance = async(() ->
                uint(chain, token, "balanceOf", List.of(new Address(issuerWallet)), block));
        CompletableFuture<Optional<String>> owner = async(() -> callAddress(chain, token, "owner", List.of(), block));
        String codeHex = join(code);
        if (codeHex == null || Numeric.cleanHexPrefix(codeHex).isEmpty()) {
            return ContractReading.missing(block);
        }
        String proxyKind = "NONE";
        Optional<String> implementation = join(implSlot);
        if (implementation.isPresent()) {
            proxyKind = "EIP1967";
        } else {
            Optional<String> beacon = join(beaconSlot);
            if (beacon.isPresent()) {
                proxyKind = "EIP1967_BEACON";
                implementation = callAddress(chain, beacon.get(), "implementation", List.of(), block);
                if (implementation.isEmpty()) {
                    implementation = beacon; // a beacon that does not answer: at least its address is watched
                }
            } else {
                implementation = join(zosSlot);
                if (implementation.isPresent()) {
                    proxyKind = "ZEPPELINOS";
                }
            }
        }
        return new ContractReading(block, true, org.web3j.crypto.Hash.sha3(codeHex).toLowerCase(java.util.Locale.ROOT),
                implementation, proxyKind, join(name), join(symbol), join(decimals).map(BigInteger::intValue),
                join(totalSupply), join(balance), join(owner));
    }

    private static <T> CompletableFuture<T> async(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, READERS);
    }

    /** The read's own outcome: its value, or the exception it threw (e.g. ChainUnavailableException). */
    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static Optional<String> slotAddress(ChainGateway chain, String contract, BigInteger slot, long block) {
        BigInteger word = Numeric.toBigInt(chain.storageAt(contract, slot, block));
        return word.signum() == 0 ? Optional.empty() : Optional.of(EventDecoder.address(word));
    }

    /**
     * The implementation a proxy pointed to at one block (EIP-1967 slot, beacon, ZeppelinOS slot), empty for
     * a plain contract: the baseline is read at the contract's creation, not at the first scan (issue 13).
     */
    static Optional<String> implementationAt(ChainGateway chain, String token, long block) {
        Optional<String> impl = slotAddress(chain, token, EIP1967_IMPLEMENTATION, block);
        if (impl.isPresent()) {
            return impl;
        }
        Optional<String> beacon = slotAddress(chain, token, EIP1967_BEACON, block);
        if (beacon.isPresent()) {
            return callAddress(chain, beacon.get(), "implementation", List.of(), block).or(() -> beacon);
        }
        return slotAddress(chain, token, ZEPPELINOS_IMPLEMENTATION, block);
    }

    /** totalSupply() at one block; empty when the contract does not answer it there (or has no code yet). */
    static Optional<BigInteger> totalSupply(ChainGateway chain, String token, long block) {
        return uint(chain, token, "totalSupply", List.of(), block);
    }

    private static Optional<BigInteger> uint(ChainGateway chain, String to, String fn, List<Type> args, long block) {
        return call(chain, to, new Function(fn, args, List.of(new TypeReference<Uint256>() {})), block)
                .map(r -> ((Uint256) r.getFirst()).getValue());
    }

    private static Optional<String> callAddress(ChainGateway chain, String to, String fn, List<Type> args, long block) {
        return call(chain, to, new Function(fn, args, List.of(new TypeReference<Address>() {})), block)
                .map(r -> ((Address) r.getFirst()).getValue().toLowerCase(java.util.Locale.ROOT));
    }

    /** ERC-20 name/symbol are strings; a few early tokens (MKR) return bytes32 instead. */
    private static Optional<String> text(ChainGateway chain, String to, String fn, long block) {
        Function asString = new Function(fn, List.of(), List.of(new TypeReference<Utf8String>() {}));
        Optional<String> raw = chain.ethCall(to, FunctionEncoder.encode(asString), block);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<Type> decoded = FunctionReturnDecoder.decode(raw.get(), asString.getOutputParameters());
            if (!decoded.isEmpty()) {
                return Optional.of(((Utf8String) decoded.getFirst()).getValue());
            }
        } catch (RuntimeException notAString) {
            // fall through to bytes32
        }
        List<Type> b32 = FunctionReturnDecoder.decode(raw.get(), List.of(new TypeReference<Bytes32>() {}).stream()
                .map(t -> (TypeReference<Type>) (TypeReference<?>) t).toList());
        if (b32.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new String(((Bytes32) b32.getFirst()).getValue(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\u0000", ""));
    }

    private static Optional<List<Type>> call(ChainGateway chain, String to, Function function, long block) {
        return chain.ethCall(to, FunctionEncoder.encode(function), block).flatMap(raw -> {
            try {
                List<Type> decoded = FunctionReturnDecoder.decode(raw, function.getOutputParameters());
                return decoded.isEmpty() ? Optional.empty() : Optional.of(decoded);
            } catch (RuntimeException malformed) {
                return Optional.empty();
            }
        });
    }
}
