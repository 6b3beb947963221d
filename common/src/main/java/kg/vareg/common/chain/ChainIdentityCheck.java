package kg.vareg.common.chain;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * At start-up: a node that answers with another chain id stops the application (anchoring on the
 * wrong chain would be worse than not starting). A node that does not answer yet only logs: the
 * register keeps working and health reports the chain DOWN until it answers.
 */
public final class ChainIdentityCheck implements InitializingBean {
    private static final Logger log = LoggerFactory.getLogger(ChainIdentityCheck.class);
    private final ChainClient chain;

    public ChainIdentityCheck(ChainClient chain) {
        this.chain = chain;
    }

    @Override
    public void afterPropertiesSet() {
        long expected = chain.properties().chainId();
        long answered;
        try {
            answered = chain.answeredChainId();
        } catch (IOException | RuntimeException e) {
            log.warn("chain node {} does not answer yet ({}); health reports it DOWN until it does",
                    chain.properties().rpcUrl(), e.getClass().getSimpleName());
            return;
        }
        if (answered != expected) {
            throw new WrongChainException("the node at " + chain.properties().rpcUrl() + " answers chain id " + answered
                    + " but vareg.chain.chain-id is " + expected + ": point vareg.chain.rpc-url at the right chain");
        }
        log.info("chain {} (id {}) answers at {}", chain.properties().name(), answered, chain.properties().rpcUrl());
    }

    public static final class WrongChainException extends IllegalStateException {
        public WrongChainException(String message) {
            super(message);
        }
    }
}
