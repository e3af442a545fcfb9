package dev.fraudscore.support.proto;

import dev.fraudscore.contracts.common.v1.FeatureSetRef;
import dev.fraudscore.contracts.common.v1.ModelRef;
import dev.fraudscore.contracts.postprocess.v1.Unavailable;
import dev.fraudscore.contracts.predict.v1.PredictRequest;
import dev.fraudscore.contracts.predict.v1.Row;
import dev.fraudscore.domain.Channel;
import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.Label;
import dev.fraudscore.domain.ReasonCode;
import dev.fraudscore.domain.Thresholds;
import dev.fraudscore.features.FeatureSetId;
import java.util.Collections;
import java.util.Optional;

/**
 * The one mapping between the shared domain types and their proto messages and enums. Enum values map by
 * name under buf's prefix rule ({@link ProtoEnumNames}): domain {@code ECOMMERCE} is proto
 * {@code CHANNEL_ECOMMERCE}. A proto value this build does not know (a newer peer, or the zero "unspecified"
 * value) maps to empty, and the caller decides what that means.
 */
public final class DomainProtos {

    private DomainProtos() {
    }

    public static dev.fraudscore.contracts.common.v1.Channel toProto(Channel channel) {
        return ProtoEnumNames.toProto(dev.fraudscore.contracts.common.v1.Channel.class, channel);
    }

    public static Optional<Channel> channel(dev.fraudscore.contracts.common.v1.Channel channel) {
        return ProtoEnumNames.toDomain(Channel.class, channel);
    }

    public static dev.fraudscore.contracts.postprocess.v1.Label toProto(Label label) {
        return ProtoEnumNames.toProto(dev.fraudscore.contracts.postprocess.v1.Label.class, label);
    }

    public static Optional<Label> label(dev.fraudscore.contracts.postprocess.v1.Label label) {
        return ProtoEnumNames.toDomain(Label.class, label);
    }

    public static dev.fraudscore.contracts.postprocess.v1.Decision toProto(Decision decision) {
        return ProtoEnumNames.toProto(dev.fraudscore.contracts.postprocess.v1.Decision.class, decision);
    }

    public static Optional<Decision> decision(dev.fraudscore.contracts.postprocess.v1.Decision decision) {
        return ProtoEnumNames.toDomain(Decision.class, decision);
    }

    /** Why a score is absent, as the contract says it; empty for a reason code the contract has no value for. */
    public static Optional<Unavailable> unavailable(ReasonCode skipped) {
        return ProtoEnumNames.twin(Unavailable.class, skipped);
    }

    /** The reason code of an absent score; empty for the zero value or a value this build does not know. */
    public static Optional<ReasonCode> unavailable(Unavailable unavailable) {
        return ProtoEnumNames.toDomain(ReasonCode.class, unavailable);
    }

    public static FeatureSetRef toProto(FeatureSetId featureSet) {
        return FeatureSetRef.newBuilder().setName(featureSet.name()).setVersion(featureSet.version())
                .setFingerprint(featureSet.fingerprint()).build();
    }

    /** A Predict of one row of zeros, {@code inputs} wide: the warm-ups' call, which changes no state. */
    public static PredictRequest zeroRowPredict(FeatureSetRef featureSet, int inputs) {
        return PredictRequest.newBuilder().setFeatureSet(featureSet)
                .addRows(Row.newBuilder().addAllValues(Collections.nCopies(inputs, 0f))).build();
    }

    public static FeatureSetId featureSet(FeatureSetRef ref) {
        return new FeatureSetId(ref.getName(), ref.getVersion(), ref.getFingerprint());
    }

    public static dev.fraudscore.contracts.common.v1.Thresholds toProto(Thresholds thresholds) {
        return dev.fraudscore.contracts.common.v1.Thresholds.newBuilder()
                .setReview(thresholds.review()).setDecline(thresholds.decline()).build();
    }

    /** Empty when the message is absent or does not hold valid bands (0 <= review < decline <= 1). */
    public static Optional<Thresholds> thresholds(boolean present, dev.fraudscore.contracts.common.v1.Thresholds proto) {
        if (!present) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Thresholds(proto.getReview(), proto.getDecline()));
        } catch (IllegalArgumentException notBands) {
            return Optional.empty();
        }
    }

    public static ModelRef modelRef(String name, String version) {
        return ModelRef.newBuilder().setName(name).setVersion(version).build();
    }
}
