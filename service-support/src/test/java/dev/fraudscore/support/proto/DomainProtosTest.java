package dev.fraudscore.support.proto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.domain.Channel;
import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.Label;
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
