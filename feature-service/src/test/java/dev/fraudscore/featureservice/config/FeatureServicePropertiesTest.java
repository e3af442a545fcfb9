package dev.fraudscore.featureservice.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class FeatureServicePropertiesTest {

    private static FeatureServiceProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("fraudscore.features", FeatureServiceProperties.class);
    }

    @Test
    void defaultsRun() {
        FeatureServiceProperties properties = bind(Map.of());

        assertThat(properties.keyPrefix()).isEqualTo("fs:");
        assertThat(properties.featureSets()).containsExactly("fraud_v1", "fraud_v2");
        assertThat(properties.txCacheTtl()).isEqualTo(Duration.ofHours(24));
        assertThat(properties.windowTtl()).isEqualTo(Duration.ofHours(25));
        assertThat(properties.historyTtls().transactionCache()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void bindsTheDocumentedNames() {
        FeatureServiceProperties properties = bind(Map.of(
                "fraudscore.features.key-prefix", "t-1:",
                "fraudscore.features.tx-cache-ttl", "2h",
                "fraudscore.features.window-ttl", "30h"));

        assertThat(properties.keyPrefix()).isEqualTo("t-1:");
        assertThat(properties.txCacheTtl()).isEqualTo(Duration.ofHours(2));
        assertThat(properties.windowTtl()).isEqualTo(Duration.ofHours(30));
    }

    @Test
    void aWindowTtlShorterThanTheWindowFailsAtBindingWithASentence() {
        assertThatThrownBy(() -> bind(Map.of("fraudscore.features.window-ttl", "1h")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageStartingWith("the window TTL must exceed the 24 h window");
    }

    @Test
    void aTransactionCacheTtlOfZeroFailsAtBindingWithASentence() {
        assertThatThrownBy(() -> bind(Map.of("fraudscore.features.tx-cache-ttl", "0s")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessage("the transaction cache TTL must be positive; it was PT0S");
    }
}
