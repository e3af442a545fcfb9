package dev.fraudscore.predictservice.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.fraudscore.contracts.inference.v2.InferParameter;
import dev.fraudscore.contracts.inference.v2.InferTensorContents;
import dev.fraudscore.contracts.inference.v2.ModelInferRequest;
import dev.fraudscore.contracts.inference.v2.ModelInferResponse;
import dev.fraudscore.domain.DomainException;
import dev.fraudscore.predictservice.standard.OipServer.InferCall;
import dev.fraudscore.predictservice.standard.OipServer.InferResult;
import dev.fraudscore.predictservice.standard.TensorSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class OipProtosTest {

    /** 1.0f, -2.5f, 0.1f as little-endian IEEE 754, written out by hand. */
    private static final byte[] RAW = {0x00, 0x00, (byte) 0x80, 0x3f, 0x00, 0x00, 0x20, (byte) 0xc0,
            (byte) 0xcd, (byte) 0xcc, (byte) 0xcc, 0x3d};

    @Test
    void rawLittleEndianContentsReadAsTheSameFloatsAsTypedContents() {
        InferCall raw = OipProtos.call(request().addRawInputContents(ByteString.copyFrom(RAW)).build());
        InferCall typed = OipProtos.call(request().setInputs(0, request().getInputs(0).toBuilder().setContents(
                InferTensorContents.newBuilder().addAllFp32Contents(List.of(1f, -2.5f, 0.1f)))).build());

        assertThat(raw.inputs().get(0).data()).containsExactly(1f, -2.5f, 0.1f);
        assertThat(typed.inputs().get(0).data()).containsExactly(raw.inputs().get(0).data());
        assertThat(raw.inputs().get(0).shape()).containsExactly(1L, 3L);
        assertThat(raw.model()).isEqualTo("fraud-mlp");
        assertThat(raw.version()).isEqualTo("2");
        assertThat(raw.routingKey()).isEqualTo("card-9");
    }

    @Test
    void answersInTheFormTheRequestUsed() {
        InferResult result = new InferResult("fraud-mlp", "2", "", new TensorSpec("fraud_probability", "FP32",
                List.of(3L, 1L)), new float[] {1f, -2.5f, 0.1f});

        ModelInferResponse raw = OipProtos.response(result, true);
        ModelInferResponse typed = OipProtos.response(result, false);

        assertThat(raw.getRawOutputContents(0).toByteArray()).isEqualTo(RAW);
        assertThat(raw.getOutputs(0).hasContents()).isFalse();
        assertThat(typed.getOutputs(0).getContents().getFp32ContentsList()).containsExactly(1f, -2.5f, 0.1f);
        assertThat(typed.getRawOutputContentsCount()).isZero();
        assertThat(typed.getOutputs(0).getShapeList()).containsExactly(3L, 1L);
    }

    @Test
    void refusesMixedOrMisshapenRawContents() {
        assertRefused(request().addRawInputContents(ByteString.copyFrom(RAW)).addRawInputContents(ByteString.EMPTY).build(),
                "the request has 2 raw_input_contents for 1 input tensor(s)");
        assertRefused(request().addRawInputContents(ByteString.copyFrom(RAW, 0, 5)).build(),
                "the raw_input_contents of input x has 5 bytes; FP32 takes 4 bytes per value");
        assertRefused(request().setInputs(0, request().getInputs(0).toBuilder().setContents(InferTensorContents
                .getDefaultInstance())).addRawInputContents(ByteString.copyFrom(RAW)).build(), "input x has contents while");
        assertRefused(request().putParameters("routing_key", InferParameter.newBuilder().setInt64Param(4).build()).build(),
                "parameter routing_key is given as int64_param; it takes string_param");
    }

    private static ModelInferRequest.Builder request() {
        return ModelInferRequest.newBuilder().setModelName("fraud-mlp").setModelVersion("2")
                .putParameters("routing_key", InferParameter.newBuilder().setStringParam("card-9").build())
                .addInputs(ModelInferRequest.InferInputTensor.newBuilder().setName("x").setDatatype("FP32")
                        .addAllShape(List.of(1L, 3L)));
    }

    private static void assertRefused(ModelInferRequest request, String sentenceStart) {
        assertThatThrownBy(() -> OipProtos.call(request)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
            assertThat(e.getMessage()).startsWith(sentenceStart);
        });
    }
}
