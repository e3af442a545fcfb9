package dev.fraudscore.postprocess.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.fraudscore.contracts.common.v1.ModelRef;
import dev.fraudscore.contracts.common.v1.Thresholds;
import dev.fraudscore.contracts.postprocess.v1.DecideRequest;
import dev.fraudscore.contracts.postprocess.v1.DecideResponse;
import dev.fraudscore.contracts.postprocess.v1.Decision;
import dev.fraudscore.contracts.postprocess.v1.Label;
import dev.fraudscore.contracts.postprocess.v1.Reason;
import dev.fraudscore.contracts.postprocess.v1.Unavailable;
import dev.fraudscore.postprocess.config.PolicyLoader;
import dev.fraudscore.postprocess.config.PostprocessProperties;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The real service with the bundled policy: Netty gRPC on a free port, the actuator on another. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.grpc.server.port=0")
class PostprocessGrpcIT {

    /** What the trainer suggests for the default model. */
    private static final Thresholds MANIFEST = Thresholds.newBuilder().setReview(0.289f).setDecline(0.85f).build();

    @LocalGrpcPort
    int grpcPort;

    @LocalServerPort
    int httpPort;

    private DecideClient client;

    @BeforeEach
    void connect() {
        client = new DecideClient(grpcPort);
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        client.close();
    }

    @Test
    void aHighScoreIsDeclinedWithReasonsAndThePolicyVersion() {
        DecideResponse response = client.postprocess().decide(DecideRequest.newBuilder()
                .setTransactionId("tx-1")
                .setScore(0.93f)
                .setModel(ModelRef.newBuilder().setName("fraud-mlp").setVersion("1"))
                .setModelThresholds(MANIFEST)
                .putFeatures("card_tx_count_1h", 7f)
                .putFeatures("first_time_merchant", 0f)
                .build());

        assertThat(response.getLabel()).isEqualTo(Label.LABEL_HIGHLY_SUSPICIOUS);
        assertThat(response.getDecision()).isEqualTo(Decision.DECISION_DECLINE);
        assertThat(response.getPolicyVersion())
                .isEqualTo(new PolicyLoader().load(PostprocessProperties.DEFAULT_POLICY).version());
        assertThat(response.getReasonsList()).extracting(Reason::getCode).containsExactly("MODEL_SCORE_HIGH", "HIGH_VELOCITY");
        assertThat(response.getReasons(0).getText())
                .isEqualTo("The model scored this transaction 0.93, at or above the decline threshold 0.85");
        assertThat(response.getReasons(1).getText()).isEqualTo("The card made 7 payments in the last hour");
    }

    @Test
    void theScoringModelsOwnThresholdsDecideAndTheReasonNamesThem() {
        DecideResponse response = client.postprocess().decide(DecideRequest.newBuilder()
                .setTransactionId("tx-3")
                .setScore(0.3f)
                .setModel(ModelRef.newBuilder().setName("fraud-mlp").setVersion("1"))
                .setModelThresholds(MANIFEST)
                .build());

        assertThat(response.getDecision()).isEqualTo(Decision.DECISION_REVIEW);
        assertThat(response.getReasons(0).getText()).endsWith("at or above the review threshold 0.289");
    }

    @Test
    void noScoreBecauseTheModelIsDownIsUncertainAndFollowsTheFailMode() {
        DecideResponse response = client.postprocess().decide(DecideRequest.newBuilder()
                .setTransactionId("tx-2")
                .setUnavailable(Unavailable.UNAVAILABLE_MODEL_UNAVAILABLE)
                .build());

        assertThat(response.getLabel()).isEqualTo(Label.LABEL_UNCERTAIN);
        assertThat(response.getDecision()).isEqualTo(Decision.DECISION_REVIEW);
        assertThat(response.getReasonsList()).extracting(Reason::getCode).containsExactly("MODEL_UNAVAILABLE");
        assertThat(response.getReasons(0).getText()).endsWith("the decision follows the fail mode REVIEW.");
    }

    @Test
    void aScoreThatIsNotAProbabilityIsAnInvalidArgumentWithASentence() {
        StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
                () -> client.postprocess().decide(DecideRequest.newBuilder().setScore(Float.NaN).build()));

        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(e.getStatus().getDescription()).isEqualTo("The score must be a probability between 0 and 1, but was NaN.");
    }

    @Test
    void grpcHealthIsServingOnTheGrpcPortOnceDecideIsWarm() {
        // the service sends itself Decides over this port first (SelfWarmup), then serves
        await().atMost(Duration.ofSeconds(30)).until(() -> client.health() == ServingStatus.SERVING);
    }

    @Test
    void theActuatorIsUpOnItsOwnPort() throws Exception {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/actuator/health"))
                .build();
        await().atMost(Duration.ofSeconds(30)).until(() -> HttpClient.newHttpClient()
                .send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        HttpResponse<String> response = HttpClient.newHttpClient().send(health, HttpResponse.BodyHandlers.ofString());

        assertThat(grpcPort).isNotEqualTo(httpPort);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"");
    }
}
