package dev.fraudscore.predictservice;

import dev.fraudscore.contracts.common.v1.FeatureSetRef;
import dev.fraudscore.contracts.predict.v1.GetModelMetadataRequest;
import dev.fraudscore.contracts.predict.v1.GetModelMetadataResponse;
import dev.fraudscore.contracts.predict.v1.LoadModelRequest;
import dev.fraudscore.contracts.predict.v1.ModelRepositoryServiceGrpc;
import dev.fraudscore.contracts.predict.v1.PredictRequest;
import dev.fraudscore.contracts.predict.v1.PredictServiceGrpc;
import dev.fraudscore.contracts.predict.v1.Row;
import dev.fraudscore.contracts.predict.v1.UnloadModelRequest;
import dev.fraudscore.features.FeatureSetId;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Real stubs over a real channel to the service under test; every call has a deadline. */
public final class GrpcTestClient implements AutoCloseable {

    private final ManagedChannel channel;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public GrpcTestClient(int grpcPort, int httpPort) {
        this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        this.httpPort = httpPort;
    }

    public PredictServiceGrpc.PredictServiceBlockingStub predict() {
        return PredictServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    public PredictServiceGrpc.PredictServiceFutureStub predictAsync() {
        return PredictServiceGrpc.newFutureStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    /** Loading a version waits for its warm-up: a longer deadline. */
    public ModelRepositoryServiceGrpc.ModelRepositoryServiceBlockingStub repository() {
        return ModelRepositoryServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    public GetModelMetadataResponse metadata(String model) {
        return predict().getModelMetadata(GetModelMetadataRequest.newBuilder().setModelName(model).build());
    }

    /** Rescans the model's folder now and waits until its versions are served or failed. */
    public GetModelMetadataResponse load(String model) {
        return load(model, "");
    }

    public GetModelMetadataResponse load(String model, String version) {
        return repository().loadModel(LoadModelRequest.newBuilder().setModelName(model).setVersion(version).build())
                .getModel();
    }

    public GetModelMetadataResponse unload(String model, String version) {
        return repository().unloadModel(UnloadModelRequest.newBuilder().setModelName(model).setVersion(version).build())
                .getModel();
    }

    /** {@code /actuator/prometheus}. */
    public String prometheus() {
        return get("/actuator/prometheus").body();
    }

    public ServingStatus health(String service) {
        return HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                .check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus();
    }

    public HttpResponse<String> actuatorHealth() {
        return actuatorHealth("");
    }

    /** {@code /actuator/health} followed by {@code group}, e.g. {@code "/readiness"}. */
    public HttpResponse<String> actuatorHealth(String group) {
        return get("/actuator/health" + group);
    }

    private HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Fraud_v1 rows for {@code model} ({@code ""}: the default), its routing unless {@code version} is named. */
    public static PredictRequest request(String model, String version, String routingKey, float[][] rows) {
        return request(TestManifests.fraudV1(), rows).toBuilder().setModelName(model).setModelVersion(version)
                .setRoutingKey(routingKey).build();
    }

    public static PredictRequest request(FeatureSetId featureSet, float[][] rows) {
        PredictRequest.Builder request = PredictRequest.newBuilder().setFeatureSet(FeatureSetRef.newBuilder()
                .setName(featureSet.name()).setVersion(featureSet.version()).setFingerprint(featureSet.fingerprint()));
        for (float[] values : rows) {
            Row.Builder row = Row.newBuilder();
            for (float value : values) {
                row.addValues(value);
            }
            request.addRows(row);
        }
        return request.build();
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
