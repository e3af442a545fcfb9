package dev.fraudscore.predictservice.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.predictservice.remote.RemoteBackendException;
import dev.fraudscore.predictservice.remote.TorchServeBackend;
import dev.fraudscore.support.grpc.GrpcStatusMapping;
import io.grpc.Status;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** What a caller of predict-service gets for each answer of the remote: the gRPC code and a sentence naming it. */
class RemoteFailuresTest {

    private static final TorchServeBackend REMOTE = TorchServeBackend.of(URI.create("http://gpu-pool:8080"), "fraud-mlp", null);
    private static final String NAMED = "the TorchServe-compatible server at http://gpu-pool:8080 (model fraud-mlp,"
            + " its default version)";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "503 | UNAVAILABLE         | it has no worker free for the model or its queue is full",
            "507 | RESOURCE_EXHAUSTED  | it is out of memory or capacity for the model",
            "429 | RESOURCE_EXHAUSTED  | it is out of memory or capacity for the model",
            "500 | UNAVAILABLE         | the remote failed to score the batch",
            "502 | UNAVAILABLE         | the remote failed to score the batch",
            "408 | UNAVAILABLE         | the remote gave up on the batch at its own timeout",
            "404 | FAILED_PRECONDITION | it does not take what predict-service sends; check backend.url",
            "400 | FAILED_PRECONDITION | it does not take what predict-service sends; check backend.url",
            "302 | FAILED_PRECONDITION | it does not take what predict-service sends; check backend.url"})
    void eachStatusOfTheRemoteHasOneCodeAndASentenceNamingTheRemote(int status, Status.Code code, String why) {
        RemoteBackendException failure = RemoteFailures.status(REMOTE, status,
                "{\n  \"code\": " + status + ",\n  \"message\": \"from the remote\"\n}");

        assertThat(codeOf(failure)).isEqualTo(code);
        assertThat(failure).hasMessageStartingWith(NAMED + " answered " + status
                + " ({ \"code\": " + status + ", \"message\": \"from the remote\" }): " + why);
    }

    @Test
    void aLongBodyIsQuotedInPart() {
        String body = "x".repeat(5_000);

        assertThat(RemoteFailures.status(REMOTE, 500, body).getMessage()).contains(" (" + "x".repeat(200) + "...)")
                .hasSizeLessThan(500);
    }

    @Test
    void timeoutsRefusalsAndAnOpenBreakerHaveTheirCodes() {
        assertThat(codeOf(RemoteFailures.cutAtDeadline(REMOTE, Duration.ofMillis(42)))).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        assertThat(RemoteFailures.cutAtDeadline(REMOTE, Duration.ofMillis(42)))
                .hasMessage(NAMED + " did not answer within the 42.0 ms left before the request's deadline; the call was"
                        + " cut there");
        assertThat(codeOf(RemoteFailures.deadlinePassed(REMOTE))).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        assertThat(codeOf(RemoteFailures.tooSlow(REMOTE))).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(RemoteFailures.tooSlow(REMOTE)).hasMessage(NAMED + " did not answer within 2000 ms (backend.callTimeout)");
        RemoteBackendException refused = RemoteFailures.refused(REMOTE, 3, new java.net.ConnectException("refused"));
        assertThat(codeOf(refused)).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(refused.connectionRefused()).isTrue();
        assertThat(refused).hasMessage(NAMED + " refused the connection (3 attempts); is it running?");
        RemoteBackendException open = RemoteFailures.breakerOpen(REMOTE, 75f, Duration.ofSeconds(5));
        assertThat(codeOf(open)).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(open).hasMessage("the circuit breaker for " + NAMED + " is open (75 % of its recent calls failed):"
                + " predict-service fails fast without calling it, and lets trial calls through 5 s after it opened");
    }

    private static Status.Code codeOf(RemoteBackendException failure) {
        return GrpcStatusMapping.codeOf(failure.kind()).getCode();
    }
}
