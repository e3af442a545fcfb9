package dev.fraudscore.predictservice.grpc;

import com.google.protobuf.ByteString;
import dev.fraudscore.contracts.inference.v2.InferParameter;
import dev.fraudscore.contracts.inference.v2.InferTensorContents;
import dev.fraudscore.contracts.inference.v2.ModelInferRequest;
import dev.fraudscore.contracts.inference.v2.ModelInferResponse;
import dev.fraudscore.contracts.inference.v2.ModelMetadataResponse;
import dev.fraudscore.contracts.inference.v2.ServerMetadataResponse;
import dev.fraudscore.predictservice.domain.PredictionException;
import dev.fraudscore.predictservice.standard.InputTensor;
import dev.fraudscore.predictservice.standard.ModelSignature;
import dev.fraudscore.predictservice.standard.OipServer;
import dev.fraudscore.predictservice.standard.OipServer.InferCall;
import dev.fraudscore.predictservice.standard.OipServer.InferResult;
import dev.fraudscore.predictservice.standard.TensorRows;
import dev.fraudscore.predictservice.standard.TensorSpec;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Translation between the Open Inference Protocol's gRPC messages (package {@code inference}) and
 * {@link OipServer}'s calls. FP32 elements come typed ({@code contents.fp32_contents}) or as little-endian bytes
 * ({@code raw_input_contents}); the answer uses the form the request used.
 */
final class OipProtos {

    private OipProtos() {
    }

    static InferCall call(ModelInferRequest request) {
        boolean raw = request.getRawInputContentsCount() > 0;
        if (raw && request.getRawInputContentsCount() != request.getInputsCount()) {
            throw PredictionException.invalid("the request has " + request.getRawInputContentsCount()
                    + " raw_input_contents for " + request.getInputsCount() + " input tensor(s); give one per input, in"
                    + " the order of inputs");
        }
        List<InputTensor> inputs = new ArrayList<>();
        for (int i = 0; i < request.getInputsCount(); i++) {
            ModelInferRequest.InferInputTensor input = request.getInputs(i);
            TensorRows.requireFp32(input.getName(), input.getDatatype());
            long[] shape = input.getShapeList().stream().mapToLong(Long::longValue).toArray();
            float[] data;
            if (raw) {
                if (input.hasContents()) {
                    throw PredictionException.invalid("input " + input.getName() + " has contents while the request has"
                            + " raw_input_contents; give every input's elements one way");
                }
                data = littleEndianFloats(input.getName(), request.getRawInputContents(i));
            } else {
                data = floats(input.getContents());
            }
            inputs.add(new InputTensor(input.getName(), input.getDatatype(), shape, data));
        }
        List<String> outputs = request.getOutputsList().stream()
                .map(ModelInferRequest.InferRequestedOutputTensor::getName).toList();
        return new InferCall(request.getModelName(), request.getModelVersion(), request.getId(),
                routingKey(request), inputs, outputs);
    }

    static ModelInferResponse response(InferResult result, boolean raw) {
        TensorSpec spec = result.output();
        ModelInferResponse.InferOutputTensor.Builder output = ModelInferResponse.InferOutputTensor.newBuilder()
                .setName(spec.name()).setDatatype(spec.datatype()).addAllShape(spec.shape());
        ModelInferResponse.Builder response = ModelInferResponse.newBuilder().setModelName(result.model())
                .setModelVersion(result.version()).setId(result.id() == null ? "" : result.id());
        if (raw) {
            ByteBuffer bytes = ByteBuffer.allocate(result.data().length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(result.data());
            response.addRawOutputContents(ByteString.copyFrom(bytes));
        } else {
            InferTensorContents.Builder contents = InferTensorContents.newBuilder();
            for (float value : result.data()) {
                contents.addFp32Contents(value);
            }
            output.setContents(contents);
        }
        return response.addOutputs(output).build();
    }

    static ModelMetadataResponse metadata(ModelSignature signature) {
        return ModelMetadataResponse.newBuilder().setName(signature.name()).addAllVersions(signature.versions())
                .setPlatform(signature.platform()).addAllInputs(signature.inputs().stream().map(OipProtos::tensor).toList())
                .addAllOutputs(signature.outputs().stream().map(OipProtos::tensor).toList()).build();
    }

    static ServerMetadataResponse serverMetadata(OipServer.ServerInfo server) {
        return ServerMetadataResponse.newBuilder().setName(server.name()).setVersion(server.version())
                .addAllExtensions(server.extensions()).build();
    }

    private static ModelMetadataResponse.TensorMetadata tensor(TensorSpec spec) {
        return ModelMetadataResponse.TensorMetadata.newBuilder().setName(spec.name()).setDatatype(spec.datatype())
                .addAllShape(spec.shape()).build();
    }

    private static float[] floats(InferTensorContents contents) {
        float[] data = new float[contents.getFp32ContentsCount()];
        for (int i = 0; i < data.length; i++) {
            data[i] = contents.getFp32Contents(i);
        }
        return data;
    }

    /** The protocol's raw form: the elements flattened, 4 bytes each, least significant byte first. */
    private static float[] littleEndianFloats(String name, ByteString raw) {
        if (raw.size() % Float.BYTES != 0) {
            throw PredictionException.invalid("the raw_input_contents of input " + name + " has " + raw.size()
                    + " bytes; FP32 takes 4 bytes per value");
        }
        float[] data = new float[raw.size() / Float.BYTES];
        raw.asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
        return data;
    }

    private static String routingKey(ModelInferRequest request) {
        InferParameter key = request.getParametersMap().get(OipServer.ROUTING_KEY);
        if (key == null) {
            return null;
        }
        if (key.getParameterChoiceCase() != InferParameter.ParameterChoiceCase.STRING_PARAM) {
            throw PredictionException.invalid("parameter " + OipServer.ROUTING_KEY + " is given as "
                    + key.getParameterChoiceCase().name().toLowerCase(Locale.ROOT)
                    + "; it takes string_param (the card key that decides the canary split)");
        }
        return key.getStringParam();
    }
}
