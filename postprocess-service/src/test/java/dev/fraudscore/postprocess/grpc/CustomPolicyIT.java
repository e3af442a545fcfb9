package dev.fraudscore.postprocess.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.contracts.common.v1.ModelRef;
import dev.fraudscore.contracts.common.v1.Thresholds;
import dev.fraudscore.contracts.postprocess.v1.DecideRequest;
import dev.fraudscore.contracts.postprocess.v1.DecideResponse;
import dev.fraudscore.contracts.postprocess.v1.Decision;
import dev.fraudscore.contracts.postprocess.v1.Label;
import dev.fraudscore.contracts.postprocess.v1.Unavailable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A policy file on disk, named by fraudscore.postprocess.policy, replaces the bundled one. */
@SpringBootTest(properties = "spring.grpc.server.port=0")
class CustomPolicyIT {

    private static final String POLICY = """
            version: "it-custom-7"
            failMode: DECLINE
            thresholds:
              default: { review: 0.2, decline: 0.4 }
              models:
                - { model: fraud-mlp, version: "9", review: 0.8, decline: 0.95 }
                - { model: fraud-mlp, review: 0.6, decline: 0.7 }
            """;

    private static Path dir;

    @LocalGrpcPort
    int grpcPort;

    @DynamicPropertySource
    static void policy(DynamicPropertyRegistry registry) throws IOException {
        dir = Files.createTempDirectory("postprocess-policy");
        Path file = Files.writeString(dir.resolve("policy.yaml"), POLICY);
        registry.add("fraudscore.postprocess.policy", file::toString);
    }

    @AfterAll
    static void removePolicy() throws IOException {
        Files.deleteIfExists(dir.resolve("policy.yaml"));
        Files.deleteIfExists(dir);
    }

    @Test
    void itsVersionFailModeAndThresholdsAreUsedInTheirOrder() throws InterruptedException {
        try (DecideClient client = new DecideClient(grpcPort)) {
            DecideResponse uncertain = client.postprocess().decide(DecideRequest.newBuilder()
                    .setUnavailable(Unavailable.UNAVAILABLE_FEATURES_UNAVAILABLE).build());
            DecideResponse byDefault = client.postprocess().decide(DecideRequest.newBuilder().setScore(0.5f).build());
            DecideResponse byModelVersion = client.postprocess().decide(DecideRequest.newBuilder().setScore(0.5f)
                    .setModel(fraudMlp("9")).setModelThresholds(bands(0.1f, 0.2f)).build());
            DecideResponse byManifest = client.postprocess().decide(DecideRequest.newBuilder().setScore(0.5f)
                    .setModel(fraudMlp("10")).setModelThresholds(bands(0.4f, 0.9f)).build());
            DecideResponse byModel = client.postprocess().decide(DecideRequest.newBuilder().setScore(0.5f)
                    .setModel(fraudMlp("10")).build());

            assertThat(uncertain.getPolicyVersion()).isEqualTo("it-custom-7");
            assertThat(uncertain.getLabel()).isEqualTo(Label.LABEL_UNCERTAIN);
            assertThat(uncertain.getDecision()).isEqualTo(Decision.DECISION_DECLINE);
            assertThat(byDefault.getDecision()).isEqualTo(Decision.DECISION_DECLINE);
            assertThat(byModelVersion.getDecision()).as("the entry for this version beats the model's own")
                    .isEqualTo(Decision.DECISION_APPROVE);
            assertThat(byManifest.getDecision()).as("the model's own beat the model-wide entry")
                    .isEqualTo(Decision.DECISION_REVIEW);
            assertThat(byModel.getDecision()).as("the model-wide entry beats the default").isEqualTo(Decision.DECISION_APPROVE);
        }
    }

    private static ModelRef fraudMlp(String version) {
        return ModelRef.newBuilder().setName("fraud-mlp").setVersion(version).build();
    }

    private static Thresholds bands(float review, float decline) {
        return Thresholds.newBuilder().setReview(review).setDecline(decline).build();
    }
}
