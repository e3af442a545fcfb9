package dev.fraudscore.featureservice.grpc;

import dev.fraudscore.contracts.feature.v1.GetFeaturesResponse;
import dev.fraudscore.featureservice.domain.ComputedFeatures;
import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.support.proto.DomainProtos;

/** Maps computed features to the wire. */
final class FeatureResponses {

    private FeatureResponses() {
    }

    static GetFeaturesResponse of(ComputedFeatures computed) {
        FeatureSet set = computed.featureSet();
        GetFeaturesResponse.Builder response = GetFeaturesResponse.newBuilder()
                .setFeatureSet(DomainProtos.toProto(set.ref()))
                .addAllNames(set.featureNames())
                .addAllMissing(computed.vector().missing())
                .setReplayed(computed.replayed());
        for (float value : computed.vector().values()) {
            response.addValues(value);
        }
        return response.build();
    }
}
