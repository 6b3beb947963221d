package kg.vareg.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * The npm-installed anvil node as a child process on a loopback port, with funded dev accounts.
 * It is stopped by {@link #close()}, by a shutdown hook, and by an {@link OrphanGuard} if the JVM is
 * killed. {@link #stop()} and {@link #start()} restart it on the same port (fault tests); with a
 * state file the chain survives restarts (the dev stack).
 */
public final class AnvilNode implements EvmNode {
    public static final long DEFAULT_CHAIN_ID = 31337;
    private static final int ACCOUNTS = 10;

    private final int port;
    private final long chainId;
    private final Optional<Path> stateFile;
    private final Path logFile;
    private final List<Credentials> accounts;
    private Process process;
    private Web3j web3j;

    private AnvilNode(int port, long chainId, Optional<Path> stateFile, Path logFile) {
        this.port = port;
        this.chainId = chainId;
        this.stateFile = stateFile;
        this.logFile = logFile;
        this.accounts = DevAccounts.derive(DEV_MNEMONIC, ACCOUNTS);
    }

    /** Starts a throwaway node on a free port. */
    public static AnvilNode startEphemeral() {
        AnvilNode node = new AnvilNode(FreePort.find(), DEFAULT_CHAIN_ID, Optional.empty(), tempLog());
        node.start();
        return node;
    }

    /** Starts a node whose chain state is loaded from and dumped to {@code stateFile}. */
    public static AnvilNode startPersistent(int port, long chainId, Path stateFile, Path logFile) {
        AnvilNode node = new AnvilNode(port, chainId, Optional.of(stateFile), logFile);
        node.start();
        return node;
    }

    private static Path tempLog() {
        try {
            return Files.createTempFile("anvil-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        if (!FreePort.isFree(port)) {
            throw new IllegalStateException("port " + port + " is taken: stop what listens there or choose another port");
        }
        List<String> cmd = new ArrayList<>(List.of(ProjectPaths.anvil().toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--chain-id", Long.toString(chainId),
                "--mnemonic", DEV_MNEMONIC, "--accounts", Integer.toString(ACCOUNTS),
                "--balance", "1000000"));
        stateFile.ifPresent(f -> cmd.addAll(List.of("--state", f.toString(), "--state-interval", "5")));
        // The dev stack's node (the one with a state file) also makes an empty block every 2 s besides mining each
        // transaction at once (--mixed-mining), so anchors reach their confirmations on an idle chain (issue 14 item 5).
        stateFile.ifPresent(f -> cmd.addAll(List.of("--block-time", "2", "--mixed-mining")));
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            if (stateFile.isPresent()) {
                Files.createDirectories(stateFile.get().toAbsolutePath().getParent());
            }
            process = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start anvil: " + e.getMessage(), e);
        }
        OrphanGuard.guard(process.pid());
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "anvil-stop"));
        web3j = Web3j.build(new HttpService(rpcUrl()));
        awaitReady(Duration.ofSeconds(30));
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("anvil exited with code " + process.exitValue() + "; see " + logFile);
            }
            try {
                long answered = web3j.ethChainId().send().getChainId().longValueExact();
                if (answered != chainId) {
                    throw new IllegalStateException("anvil answered chain id " + answered + ", expected " + chainId);
                }
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IllegalStateException("anvil did not answer on " + rpcUrl() + " within " + timeout + "; see " + logFile);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops the node gracefully (anvil dumps its state file on SIGTERM). */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (web3j != null) {
            web3j.shutdown();
        }
        process = null;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    @Override
    public String rpcUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public long chainId() {
        return chainId;
    }

    @Override
    public synchronized Web3j web3j() {
        if (web3j == null) {
            throw new IllegalStateException("anvil is not running");
        }
        return web3j;
    }

    @Override
    public List<Credentials> accounts() {
        return accounts;
    }

    @Override
    public void close() {
        stop();
    }
}
