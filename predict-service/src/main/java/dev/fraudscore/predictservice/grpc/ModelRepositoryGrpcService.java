package dev.fraudscore.predictservice.grpc;

import dev.fraudscore.contracts.predict.v1.LoadModelRequest;
import dev.fraudscore.contracts.predict.v1.LoadModelResponse;
import dev.fraudscore.contracts.predict.v1.ModelRepositoryServiceGrpc;
import dev.fraudscore.contracts.predict.v1.UnloadModelRequest;
import dev.fraudscore.contracts.predict.v1.UnloadModelResponse;
import dev.fraudscore.domain.DomainException;
import dev.fraudscore.domain.FieldViolation;
import dev.fraudscore.predictservice.domain.ModelRegistry;
import dev.fraudscore.predictservice.domain.ServedModel;
import dev.fraudscore.predictservice.model.ModelManager;
import dev.fraudscore.support.grpc.GrpcStatusMapping;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.grpc.server.service.GrpcService;

/** fraudscore.predict.v1.ModelRepositoryService: explicit load and unload, answered when done. */
@GrpcService
public class ModelRepositoryGrpcService extends ModelRepositoryServiceGrpc.ModelRepositoryServiceImplBase {

    private final ModelManager manager;
    private final ModelRegistry registry;
    private final GrpcStatusMapping statuses;

    public ModelRepositoryGrpcService(ModelManager manager, ModelRegistry registry, GrpcStatusMapping statuses) {
        this.manager = manager;
        this.registry = registry;
        this.statuses = statuses;
    }

    @Override
    public void loadModel(LoadModelRequest request, StreamObserver<LoadModelResponse> responses) {
        answer(manager.load(name(request.getModelName()), emptyToNull(request.getVersion())),
                model -> LoadModelResponse.newBuilder().setModel(PredictProtos.status(model, registry.servedModels())).build(),
                responses);
    }

    @Override
    public void unloadModel(UnloadModelRequest request, StreamObserver<UnloadModelResponse> responses) {
        answer(manager.unload(name(request.getModelName()), emptyToNull(request.getVersion())),
                model -> UnloadModelResponse.newBuilder().setModel(PredictProtos.status(model, registry.servedModels())).build(),
                responses);
    }

    private <T> void answer(CompletableFuture<ServedModel> done, java.util.function.Function<ServedModel, T> toProto,
            StreamObserver<T> responses) {
        done.whenComplete((model, failure) -> {
            if (failure != null) {
                responses.onError(statuses.handleException(failure));
            } else {
                responses.onNext(toProto.apply(model));
                responses.onCompleted();
            }
        });
    }

    private static String name(String model) {
        if (model.isBlank()) {
            throw DomainException.invalidFields("the request", List.of(new FieldViolation("model_name",
                    "must name a model of the repository, e.g. fraud-mlp")));
        }
        return model;
    }

    private static String emptyToNull(String version) {
        return version.isEmpty() ? null : version;
    }
}
