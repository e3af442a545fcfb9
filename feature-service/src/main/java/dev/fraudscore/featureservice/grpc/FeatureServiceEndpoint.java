package dev.fraudscore.featureservice.grpc;

import dev.fraudscore.contracts.feature.v1.FeatureServiceGrpc;
import dev.fraudscore.contracts.feature.v1.GetFeaturesRequest;
import dev.fraudscore.contracts.feature.v1.GetFeaturesResponse;
import dev.fraudscore.contracts.feature.v1.RecordLabelRequest;
import dev.fraudscore.contracts.feature.v1.RecordLabelResponse;
import dev.fraudscore.featureservice.domain.FeatureComputer;
import dev.fraudscore.features.state.TransactionLabel;
import io.grpc.stub.StreamObserver;
import org.springframework.grpc.server.service.GrpcService;

/**
 * {@code fraudscore.feature.v1.FeatureService}. Errors are thrown, not sent: service-support's
 * {@code GrpcStatusMapping} turns every exception into a status with a sentence for the caller.
 */
@GrpcService
public class FeatureServiceEndpoint extends FeatureServiceGrpc.FeatureServiceImplBase {

    private final FeatureComputer features;

    public FeatureServiceEndpoint(FeatureComputer features) {
        this.features = features;
    }

    @Override
    public void getFeatures(GetFeaturesRequest request, StreamObserver<GetFeaturesResponse> responseObserver) {
        GetFeaturesResponse response = FeatureResponses.of(features.compute(GetFeaturesRequestMapper.toQuery(request)));
        responseObserver.onNext(response);
        responseObserver.onCompleted();
    }

    /** Recorded now or already: the same answer. Unknown: NOT_FOUND; the other label already: FAILED_PRECONDITION. */
    @Override
    public void recordLabel(RecordLabelRequest request, StreamObserver<RecordLabelResponse> responseObserver) {
        TransactionLabel label = RecordLabelMapper.toLabel(request);
        features.label(label);
        responseObserver.onNext(RecordLabelMapper.toResponse(label));
        responseObserver.onCompleted();
    }
}
