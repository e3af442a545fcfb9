package dev.fraudscore.businessapi.grpc;

import dev.fraudscore.contracts.feature.v1.FeatureServiceGrpc;
import dev.fraudscore.contracts.feature.v1.GetFeaturesRequest;
import dev.fraudscore.contracts.feature.v1.GetFeaturesResponse;
import io.grpc.Channel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** FeatureService.GetFeatures through its guard. Does not own the channel. */
public final class FeatureClient {

    private final FeatureServiceGrpc.FeatureServiceFutureStub stub;
    private final GuardedDownstream guard;

    public FeatureClient(Channel channel, GuardedDownstream guard) {
        this.stub = FeatureServiceGrpc.newFutureStub(channel);
        this.guard = guard;
    }

    public GuardedDownstream guard() {
        return guard;
    }

    /** @throws DownstreamFailure when no vector came back */
    public GetFeaturesResponse getFeatures(GetFeaturesRequest request, Duration budget) {
        GetFeaturesResponse response = guard.call(budget,
                deadline -> stub.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS).getFeatures(request));
        if (response.getNamesCount() != response.getValuesCount()) {
            throw DownstreamFailure.unusable(guard.name(), "answered " + response.getNamesCount() + " names but "
                    + response.getValuesCount() + " values");
        }
        return response;
    }
}
