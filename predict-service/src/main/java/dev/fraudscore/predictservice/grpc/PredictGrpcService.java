package dev.fraudscore.predictservice.grpc;

import dev.fraudscore.contracts.predict.v1.GetModelMetadataRequest;
import dev.fraudscore.contracts.predict.v1.ModelMetadata;
import dev.fraudscore.contracts.predict.v1.PredictRequest;
import dev.fraudscore.contracts.predict.v1.PredictResponse;
import dev.fraudscore.contracts.predict.v1.PredictServiceGrpc;
import dev.fraudscore.predictservice.domain.Predictor;
import io.grpc.stub.StreamObserver;
import org.springframework.grpc.server.service.GrpcService;

/**
 * The fraudscore.predict.v1.PredictService endpoint. Thin: errors are thrown and turned into a gRPC
 * status by {@link GrpcErrorMapping}.
 */
@GrpcService
public class PredictGrpcService extends PredictServiceGrpc.PredictServiceImplBase {

    private final Predictor predictor;

    public PredictGrpcService(Predictor predictor) {
        this.predictor = predictor;
    }

    @Override
    public void predict(PredictRequest request, StreamObserver<PredictResponse> responses) {
        var prediction = predictor.predict(PredictProtos.featureSet(request), PredictProtos.rows(request));
        responses.onNext(PredictProtos.response(prediction));
        responses.onCompleted();
    }

    @Override
    public void getModelMetadata(GetModelMetadataRequest request, StreamObserver<ModelMetadata> responses) {
        responses.onNext(PredictProtos.metadata(predictor.current()));
        responses.onCompleted();
    }
}
