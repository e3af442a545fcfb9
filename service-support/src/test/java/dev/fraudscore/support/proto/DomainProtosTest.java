package dev.fraudscore.support.proto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.contracts.postprocess.v1.Unavailable;
import dev.fraudscore.domain.Channel;
import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.Label;
import dev.fraudscore.domain.ReasonCode;
import dev.fraudscore.domain.Thresholds;
import dev.fraudscore.features.FeatureSetId;
import org.junit.jupiter.api.Test;

class DomainProtosTest {

    @Test
    void everyDomainValueHasItsProtoTwinAndBack() {
        for (Channel channel : Channel.values()) {
            assertThat(DomainProtos.channel(DomainProtos.toProto(channel))).contains(channel);
        }
        for (Label label : Label.values()) {
            assertThat(DomainProtos.label(DomainProtos.toProto(label))).contains(label);
        }
        for (Decision decision : Decision.values()) {
            assertThat(DomainProtos.decision(DomainProtos.toProto(decision))).contains(decision);
        }
    }

    @Test
    void protoValuesCarryTheirEnumsPrefix() {
        assertThat(DomainProtos.toProto(Channel.ECOMMERCE)).isEqualTo(dev.fraudscore.contracts.common.v1.Channel.CHANNEL_ECOMMERCE);
        assertThat(DomainProtos.toProto(Label.NOT_FRAUD)).isEqualTo(dev.fraudscore.contracts.postprocess.v1.Label.LABEL_NOT_FRAUD);
        assertThat(DomainProtos.toProto(Decision.APPROVE))
                .isEqualTo(dev.fraudscore.contracts.postprocess.v1.Decision.DECISION_APPROVE);
    }

    @Test
    void onlyTheReasonsForAMissingScoreHaveAnUnavailableTwin() {
        assertThat(DomainProtos.unavailable(ReasonCode.FEATURES_UNAVAILABLE))
                .contains(Unavailable.UNAVAILABLE_FEATURES_UNAVAILABLE);
        assertThat(DomainProtos.unavailable(ReasonCode.MODEL_UNAVAILABLE)).contains(Unavailable.UNAVAILABLE_MODEL_UNAVAILABLE);
        assertThat(DomainProtos.unavailable(ReasonCode.POSTPROCESS_UNAVAILABLE)).isEmpty();
        for (Unavailable value : new Unavailable[] {Unavailable.UNAVAILABLE_FEATURES_UNAVAILABLE,
                Unavailable.UNAVAILABLE_MODEL_UNAVAILABLE}) {
            assertThat(DomainProtos.unavailable(value).flatMap(DomainProtos::unavailable)).contains(value);
        }
        assertThat(DomainProtos.unavailable(Unavailable.UNAVAILABLE_UNSPECIFIED)).isEmpty();
        assertThat(DomainProtos.unavailable(Unavailable.UNRECOGNIZED)).isEmpty();
    }

    @Test
    void unspecifiedAndUnrecognisedProtoValuesAreUnknown() {
        assertThat(DomainProtos.channel(dev.fraudscore.contracts.common.v1.Channel.CHANNEL_UNSPECIFIED)).isEmpty();
        assertThat(DomainProtos.channel(dev.fraudscore.contracts.common.v1.Channel.UNRECOGNIZED)).isEmpty();
        assertThat(DomainProtos.label(dev.fraudscore.contracts.postprocess.v1.Label.LABEL_UNSPECIFIED)).isEmpty();
        assertThat(DomainProtos.decision(dev.fraudscore.contracts.postprocess.v1.Decision.UNRECOGNIZED)).isEmpty();
    }

    @Test
    void featureSetsAndThresholdsRoundTrip() {
        FeatureSetId set = new FeatureSetId("fraud", 1, "0123456789abcdef");
        assertThat(DomainProtos.featureSet(DomainProtos.toProto(set))).isEqualTo(set);
        Thresholds bands = new Thresholds(0.289f, 0.85f);
        assertThat(DomainProtos.thresholds(true, DomainProtos.toProto(bands))).contains(bands);
        assertThat(DomainProtos.thresholds(false, DomainProtos.toProto(bands))).isEmpty();
        assertThat(DomainProtos.thresholds(true, dev.fraudscore.contracts.common.v1.Thresholds.getDefaultInstance()))
                .as("0/0 is not a pair of bands").isEmpty();
    }
}
