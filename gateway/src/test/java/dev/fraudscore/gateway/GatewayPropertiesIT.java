package dev.fraudscore.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.gateway.config.GatewayProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** The typed configuration: defaults that run, and bad settings stopping startup with a reason. */
class GatewayPropertiesIT {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(GatewayProperties.class)
    static class PropertiesOnly {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(PropertiesOnly.class);

    @Test
    void hasDefaultsThatRun() {
        runner.run(context -> {
            GatewayProperties properties = context.getBean(GatewayProperties.class);
            assertThat(properties.upstream()).hasToString("http://localhost:8090");
            assertThat(properties.maxBodyBytes()).isEqualTo(65536);
            assertThat(properties.apiKeys()).isEmpty();
            assertThat(properties.rateLimit().enabled()).isTrue();
            assertThat(properties.rateLimit().perCaller()).isEqualTo(new GatewayProperties.Limit(2000, 2000));
        });
    }

    @Test
    void bindsHashedKeys() {
        runner.withPropertyValues(
                        "fraudscore.gateway.api-keys[0].name=checkout",
                        "fraudscore.gateway.api-keys[0].sha256=" + "ab".repeat(32))
                .run(context -> assertThat(context.getBean(GatewayProperties.class).apiKeys())
                        .singleElement().satisfies(key -> assertThat(key.name()).isEqualTo("checkout")));
    }

    @Test
    void bindsACallersOwnRateLimitAndRefusesABurstBelowTheRate() {
        String[] checkout = {"fraudscore.gateway.api-keys[0].name=checkout",
                "fraudscore.gateway.api-keys[0].sha256=" + "ab".repeat(32),
                "fraudscore.gateway.api-keys[0].rate-limit.replenish-rate=50"};
        runner.withPropertyValues(checkout).withPropertyValues("fraudscore.gateway.api-keys[0].rate-limit.burst-capacity=80")
                .run(context -> assertThat(context.getBean(GatewayProperties.class).apiKeys().get(0).rateLimit())
                        .isEqualTo(new GatewayProperties.Limit(50, 80)));
        runner.withPropertyValues(checkout).withPropertyValues("fraudscore.gateway.api-keys[0].rate-limit.burst-capacity=10")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("burst-capacity of at least the replenish-rate"));
    }

    @Test
    void refusesAKeyThatIsNotAHash() {
        runner.withPropertyValues(
                        "fraudscore.gateway.api-keys[0].name=checkout",
                        "fraudscore.gateway.api-keys[0].sha256=fsk_plain_text_key")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("sha256"));
    }

    @Test
    void refusesANonPositiveBodyLimitAndANonHttpUpstream() {
        runner.withPropertyValues("fraudscore.gateway.max-body-bytes=0")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("fraudscore.gateway.upstream=ftp://example.org")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("http(s) URL"));
    }
}
