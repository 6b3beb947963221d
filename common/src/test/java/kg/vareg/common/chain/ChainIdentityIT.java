package kg.vareg.common.chain;

import static org.assertj.core.api.Assertions.assertThat;

import kg.vareg.devstack.EvmNode;
import kg.vareg.devstack.FreePort;
import kg.vareg.testsupport.WithEvmNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Start-up chain checks against the real EVM node. */
@WithEvmNode
class ChainIdentityIT {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ChainAutoConfiguration.class));

    @Test
    void startsAndReportsUpWhenTheNodeAnswersTheExpectedChainId(EvmNode node) {
        runner.withPropertyValues("vareg.chain.rpc-url=" + node.rpcUrl(), "vareg.chain.chain-id=" + node.chainId())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    var health = context.getBean(ChainHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("chainId", node.chainId());
                });
    }

    @Test
    void refusesToStartOnAnotherChain(EvmNode node) {
        runner.withPropertyValues("vareg.chain.rpc-url=" + node.rpcUrl(), "vareg.chain.chain-id=1")
                .run(context -> assertThat(context).getFailure()
                        .rootCause()
                        .isInstanceOf(ChainIdentityCheck.WrongChainException.class)
                        .hasMessageContaining("answers chain id " + node.chainId())
                        .hasMessageContaining("vareg.chain.chain-id is 1"));
    }

    @Test
    void aDeadNodeDoesNotBlockStartButHealthSaysDown() {
        runner.withPropertyValues("vareg.chain.rpc-url=http://127.0.0.1:" + FreePort.find(), "vareg.chain.chain-id=31337",
                        "vareg.chain.request-timeout=1s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    var health = context.getBean(ChainHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails().get("reason").toString()).contains("does not answer");
                });
    }

    @Test
    void anApplicationMayReportAnUnreachableNodeAsDegradedRatherThanDown() {
        runner.withPropertyValues("vareg.chain.rpc-url=http://127.0.0.1:" + FreePort.find(), "vareg.chain.chain-id=31337",
                        "vareg.chain.request-timeout=1s", "vareg.chain.unreachable-status=DEGRADED")
                .run(context -> assertThat(context.getBean(ChainHealthIndicator.class).health().getStatus().getCode())
                        .isEqualTo("DEGRADED"));
    }

    @Test
    void anotherChainIsAlwaysDown(EvmNode node) {
        runner.withPropertyValues("vareg.chain.rpc-url=" + node.rpcUrl(), "vareg.chain.chain-id=" + node.chainId(),
                        "vareg.chain.unreachable-status=DEGRADED")
                .run(context -> {
                    var chain = context.getBean(ChainClient.class);
                    var other = new ChainHealthIndicator(new ChainClient(new ChainProperties(node.rpcUrl(), 1, "x",
                            java.time.Duration.ofSeconds(2), "DEGRADED")));
                    assertThat(other.health().getStatus()).isEqualTo(Status.DOWN);
                    assertThat(chain.answeredChainId()).isEqualTo(node.chainId());
                });
    }

    @Test
    void rejectsMissingConfiguration() {
        runner.withPropertyValues("vareg.chain.chain-id=31337")
                .run(context -> assertThat(context).hasFailed());
    }
}
