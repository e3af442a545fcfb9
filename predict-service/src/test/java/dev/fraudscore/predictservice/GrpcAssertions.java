package dev.fraudscore.predictservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.contracts.predict.v1.GetModelMetadataResponse;
import dev.fraudscore.contracts.predict.v1.VersionState;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** What a caller of the service sees: refusals with a status and a sentence, versions with their states. */
public final class GrpcAssertions {

    private GrpcAssertions() {
    }

    public static void assertRefused(ThrowingCallable call, Status.Code code, String sentencePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(code);
            assertThat(e.getStatus().getDescription()).contains(sentencePart);
        });
    }

    /** Each version the metadata lists, with its state. */
    public static Map<String, VersionState> states(GetModelMetadataResponse metadata) {
        Map<String, VersionState> states = new TreeMap<>();
        metadata.getVersionsList().forEach(v -> states.put(v.getVersion(), v.getState()));
        return states;
    }
}
