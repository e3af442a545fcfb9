package dev.fraudscore.support.proto;

import dev.fraudscore.contracts.common.v1.FeatureSetRef;
import dev.fraudscore.contracts.common.v1.ModelRef;
import dev.fraudscore.domain.Channel;
import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.Label;
import dev.fraudscore.domain.Thresholds;
import dev.fraudscore.features.FeatureSetId;
import java.util.Optional;

/**
 * The one mapping between the shared domain types and their proto messages and enums. A proto value this
 * build does not know (a newer peer, or the zero "unspecified" value) maps to empty, and the caller decides
 * what that means.
 */
public final class DomainProtos {

    private DomainProtos() {
    }

    public static dev.fraudscore.contracts.common.v1.Channel toProto(Channel channel) {
        return dev.fraudscore.contracts.common.v1.Channel.valueOf(channel.name());
    }

    public static Optional<Channel> channel(dev.fraudscore.contracts.common.v1.Channel channel) {
        return known(Channel.class, channel.name());
    }

    public static dev.fraudscore.contracts.postprocess.v1.Label toProto(Label label) {
        return dev.fraudscore.contracts.postprocess.v1.Label.valueOf(label.name());
    }

    public static Optional<Label> label(dev.fraudscore.contracts.postprocess.v1.Label label) {
        return known(Label.class, label.name());
    }

    public static dev.fraudscore.contracts.postprocess.v1.Decision toProto(Decision decision) {
        return dev.fraudscore.contracts.postprocess.v1.Decision.valueOf(decision.name());
    }

    public static Optional<Decision> decision(dev.fraudscore.contracts.postprocess.v1.Decision decision) {
        return known(Decision.class, decision.name());
    }

    public static FeatureSetRef toProto(FeatureSetId featureSet) {
        return FeatureSetRef.newBuilder().setName(featureSet.name()).setVersion(featureSet.version())
                .setFingerprint(featureSet.fingerprint()).build();
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

    /** Proto and domain enums share their value names; the proto's extra values are unknown to the domain. */
    private static <E extends Enum<E>> Optional<E> known(Class<E> type, String name) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
