package dev.fraudscore.featureservice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServedFeatureSetsTest {

    @Test
    void servesTheConfiguredSets() {
        assertThat(ServedFeatureSets.of(List.of("fraud_v2", "fraud_v1")).ids()).containsExactly("fraud_v2", "fraud_v1");
    }

    @Test
    void aSetThisBuildDoesNotKnowIsAConfigurationErrorWithASentence() {
        assertThatThrownBy(() -> ServedFeatureSets.of(List.of("fraud_v7")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature set fraud_v7 is not known to this build; known: fraud_v1, fraud_v2, fraud_v3, fraud_v4");
    }

    @Test
    void servingNothingIsAConfigurationError() {
        assertThatThrownBy(() -> ServedFeatureSets.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("at least one feature set must be served");
    }
}
