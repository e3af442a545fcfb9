package dev.fraudscore.predictservice.grpc;

import static dev.fraudscore.predictservice.GrpcAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.fraudscore.contracts.inference.v2.GRPCInferenceServiceGrpc;
import dev.fraudscore.contracts.inference.v2.InferParameter;
import dev.fraudscore.contracts.inference.v2.InferTensorContents;
import dev.fraudscore.contracts.inference.v2.ModelInferRequest;
import dev.fraudscore.contracts.inference.v2.ModelInferResponse;
import dev.fraudscore.contracts.inference.v2.ModelMetadataRequest;
import dev.fraudscore.contracts.inference.v2.ModelMetadataResponse;
import dev.fraudscore.contracts.inference.v2.ModelReadyRequest;
import dev.fraudscore.contracts.inference.v2.ServerLiveRequest;
import dev.fraudscore.contracts.inference.v2.ServerMetadataRequest;
import dev.fraudscore.contracts.inference.v2.ServerReadyRequest;
import dev.fraudscore.predictservice.RunningService;
import dev.fraudscore.predictservice.StandardRows;
import dev.fraudscore.predictservice.TestManifests;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** inference.GRPCInferenceService on the service's gRPC port, through a real stub, against the default model. */
class OipGrpcIT extends RunningService {

    private static final int WIDTH = TestManifests.WIDTH;

    private ManagedChannel channel;
    private GRPCInferenceServiceGrpc.GRPCInferenceServiceBlockingStub inference;

    @BeforeEach
    void stub() {
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        inference = GRPCInferenceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void healthAndMetadata() {
        ModelMetadataResponse metadata = inference.modelMetadata(ModelMetadataRequest.newBuilder()
                .setName(DEFAULT_MODEL).build());

        assertThat(inference.serverLive(ServerLiveRequest.getDefaultInstance()).getLive()).isTrue();
        assertThat(inference.serverReady(ServerReadyRequest.getDefaultInstance()).getReady()).isTrue();
        assertThat(inference.modelReady(ModelReadyRequest.newBuilder().setName(DEFAULT_MODEL).setVersion("2").build())
                .getReady()).isTrue();
        assertThat(inference.serverMetadata(ServerMetadataRequest.getDefaultInstance()).getName()).isEqualTo("predict-service");
        assertThat(metadata.getVersionsList()).containsExactly("2");
        assertThat(metadata.getInputsList()).extracting(ModelMetadataResponse.TensorMetadata::getName)
                .isEqualTo(TestManifests.FRAUD_V1.featureNames());
        assertThat(metadata.getInputs(0).getShapeList()).containsExactly(-1L, 1L);
        assertThat(metadata.getOutputs(0).getName()).isEqualTo("fraud_probability");
        assertThat(metadata.getOutputs(0).getDatatype()).isEqualTo("FP32");
    }

    @Test
    void inferWithFp32ContentsEqualsOurPredict() {
        float[][] rows = TestManifests.rows(3, 71);
        InferTensorContents.Builder contents = InferTensorContents.newBuilder();
        for (float[] row : rows) {
            for (float value : row) {
                contents.addFp32Contents(value);
            }
        }

        ModelInferResponse response = inference.modelInfer(request(3).setId("a-1").setInputs(0,
                request(3).getInputs(0).toBuilder().setContents(contents)).build());

        assertThat(response.getModelName()).isEqualTo(DEFAULT_MODEL);
        assertThat(response.getModelVersion()).isEqualTo("2");
        assertThat(response.getId()).isEqualTo("a-1");
        assertThat(response.getOutputs(0).getShapeList()).containsExactly(3L, 1L);
        assertThat(response.getRawOutputContentsCount()).isZero();
        float[] scores = new float[3];
        for (int i = 0; i < 3; i++) {
            scores[i] = response.getOutputs(0).getContents().getFp32Contents(i);
        }
        assertThat(scores).containsExactly(StandardRows.predictScores(client, DEFAULT_MODEL, "", rows));
    }

    @Test
    void inferWithLittleEndianRawContentsEqualsOurPredictAndAnswersRaw() {
        float[][] rows = TestManifests.rows(2, 72);
        ByteBuffer raw = ByteBuffer.allocate(2 * WIDTH * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] row : rows) {
            for (float value : row) {
                raw.putFloat(value);
            }
        }

        ModelInferResponse response = inference.modelInfer(request(2).setModelVersion("2")
                .putParameters("routing_key", InferParameter.newBuilder().setStringParam("card-1").build())
                .addRawInputContents(ByteString.copyFrom(raw.array())).build());

        float[] scores = new float[2];
        response.getRawOutputContents(0).asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(scores);
        assertThat(response.getOutputs(0).hasContents()).isFalse();
        assertThat(scores).containsExactly(StandardRows.predictScores(client, DEFAULT_MODEL, "2", rows));
    }

    @Test
    void refusalsComeAsStatusesWithASentence() {
        ModelInferRequest narrow = ModelInferRequest.newBuilder().setModelName(DEFAULT_MODEL)
                .addInputs(ModelInferRequest.InferInputTensor.newBuilder().setName("features").setDatatype("FP32")
                        .addAllShape(List.of(1L, 13L)).setContents(InferTensorContents.newBuilder()
                                .addAllFp32Contents(Collections.nCopies(13, 0f))))
                .build();

        assertRefused(() -> inference.modelInfer(narrow), Status.Code.INVALID_ARGUMENT,
                "input features has shape [1, 13] but model fraud-mlp/2 takes rows of 14 values");
        assertRefused(() -> inference.modelInfer(request(1).setModelName("fraud-gbm").build()), Status.Code.NOT_FOUND,
                "model fraud-gbm is not served here");
        assertRefused(() -> inference.modelInfer(request(1).addRawInputContents(ByteString.copyFrom(new byte[7])).build()),
                Status.Code.INVALID_ARGUMENT, "the raw_input_contents of input features has 7 bytes");
        assertRefused(() -> inference.modelReady(ModelReadyRequest.newBuilder().setName("fraud-gbm").build()),
                Status.Code.NOT_FOUND, "model fraud-gbm is not served here");
        assertRefused(() -> inference.modelMetadata(ModelMetadataRequest.newBuilder().setName(DEFAULT_MODEL)
                .setVersion("1").build()), Status.Code.NOT_FOUND, "version 1 of fraud-mlp is not served");
    }

    /** One FP32 input of shape [rows, 14] without its elements. */
    private static ModelInferRequest.Builder request(int rows) {
        return ModelInferRequest.newBuilder().setModelName(DEFAULT_MODEL).addInputs(ModelInferRequest.InferInputTensor
                .newBuilder().setName("features").setDatatype("FP32").addAllShape(List.of((long) rows, (long) WIDTH)));
    }
}
