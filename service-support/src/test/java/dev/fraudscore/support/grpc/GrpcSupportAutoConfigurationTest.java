package dev.fraudscore.support.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The settings are read at start, not as bean conditions: the same beans exist whatever they say, so a service built
 * with Spring AOT (its beans fixed at build time) still honours a setting given when it starts.
 */
class GrpcSupportAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GrpcSupportAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void admitsEveryCallUntilALimitIsSet() {
        runner.run(context -> assertThat(context.getBean("grpcAdmission")).isNotInstanceOf(GrpcAdmission.class));
        runner.withPropertyValues("fraudscore.grpc.max-concurrent-calls=8")
                .run(context -> assertThat(context.getBean("grpcAdmission")).isInstanceOf(GrpcAdmission.class));
    }

    @Test
    void refusesALimitBelowOne() {
        runner.withPropertyValues("fraudscore.grpc.max-concurrent-calls=0").run(context ->
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("fraudscore.grpc.max-concurrent-calls must be at least 1, not 0"));
    }

    @Test
    void countsCallsUnlessTurnedOff() {
        runner.run(context -> assertThat(context.getBean("grpcCallMetrics")).isInstanceOf(GrpcCallMetrics.class));
        runner.withPropertyValues("fraudscore.grpc.call-metrics=false")
                .run(context -> assertThat(context.getBean("grpcCallMetrics")).isNotInstanceOf(GrpcCallMetrics.class));
    }

    @Test
    void runsCallsOnTransportThreadsOnlyWhenAsked() {
        runner.run(context ->
                assertThat(context.getBean("transportThreadCalls")).isNotInstanceOf(TransportThreadCalls.class));
        runner.withPropertyValues("fraudscore.grpc.calls-on-transport-threads=true").run(context ->
                assertThat(context.getBean("transportThreadCalls")).isInstanceOf(TransportThreadCalls.class));
    }
}
