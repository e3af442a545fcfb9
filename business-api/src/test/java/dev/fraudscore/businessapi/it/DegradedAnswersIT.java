package dev.fraudscore.businessapi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fraudscore.contracts.postprocess.v1.DecideRequest;
import dev.fraudscore.contracts.postprocess.v1.Unavailable;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A slow, stopped or changed downstream still gets the caller a 200 answer in time. */
class DegradedAnswersIT extends PipelineITSupport {

    /**
     * How late after the deadline an answer may come on a loaded 2-core machine. The work after the deadline
     * is local and small; an answer that waited for the hanging call would come after the 5 s time limit.
     */
    private static final Duration MARGIN = Duration.ofSeconds(1);

    @Test
    void featuresNotAnsweringInTimeGiveAnUncertainAnswerWithinTheDeadline() {
        FIXTURES.features.mode = FeatureFixture.Mode.HANG;
        String id = newId();

        long start = System.nanoTime();
        HttpResponse<String> response = post(transaction(id));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(took).isLessThan(DEADLINE.plus(MARGIN));
        JsonNode answer = json(response);
        assertThat(answer.get("label").asString()).isEqualTo("UNCERTAIN");
        assertThat(answer.get("decision").asString()).isEqualTo("REVIEW");
        assertThat(answer.get("degraded").asBoolean()).isTrue();
        assertThat(answer.has("score")).isFalse();
        assertThat(answer.get("reasons").get(0).get("code").asString()).isEqualTo("FEATURES_UNAVAILABLE");
        assertThat(answer.get("policyVersion").asString()).isEqualTo("policy-test-1");
        assertThat(FIXTURES.predict.requests).isEmpty();
        DecideRequest decided = FIXTURES.postprocess.requests.peek();
        assertThat(decided.hasScore()).isFalse();
        assertThat(decided.getUnavailable()).isEqualTo(Unavailable.UNAVAILABLE_FEATURES_UNAVAILABLE);
        // a degraded answer is not stored: the claim is, so the retry below gets a real score
        assertThat(storedBytes(id)).as("the claim alone: the fingerprint's 16 bytes").isEqualTo(16);

        FIXTURES.features.mode = FeatureFixture.Mode.ANSWER;
        JsonNode retried = json(post(transaction(id)));
        assertThat(retried.get("degraded").asBoolean()).isFalse();
        assertThat(retried.get("score").asDouble()).isEqualTo(0.87);
    }

    @Test
    void predictShutDownGivesModelUnavailableWithTheLastKnownModel() {
        FIXTURES.predictServer().stop();

        HttpResponse<String> response = post(transaction(newId()));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answer = json(response);
        assertThat(answer.get("label").asString()).isEqualTo("UNCERTAIN");
        assertThat(answer.get("degraded").asBoolean()).isTrue();
        assertThat(answer.has("score")).isFalse();
        assertThat(answer.get("reasons").get(0).get("code").asString()).isEqualTo("MODEL_UNAVAILABLE");
        assertThat(answer.get("model").get("version").asString()).isEqualTo("1");
        assertThat(answer.get("featureSet").asString()).isEqualTo("fraud_v1");
        assertThat(FIXTURES.features.requests).hasSize(1);
        DecideRequest decided = FIXTURES.postprocess.requests.peek();
        assertThat(decided.getUnavailable()).isEqualTo(Unavailable.UNAVAILABLE_MODEL_UNAVAILABLE);
        assertThat(decided.getFeaturesMap()).containsKey("amount_log");
        assertThat(models.current()).isPresent();
    }

    @Test
    void postprocessDownIsAnsweredLocallyWithTheFailMode() {
        FIXTURES.postprocessServer().stop();

        long start = System.nanoTime();
        HttpResponse<String> response = post(transaction(newId()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(took).isLessThan(DEADLINE.plus(MARGIN));
        JsonNode answer = json(response);
        assertThat(answer.get("label").asString()).isEqualTo("UNCERTAIN");
        assertThat(answer.get("decision").asString()).isEqualTo("REVIEW");
        assertThat(answer.get("score").asDouble()).isEqualTo(0.87);
        assertThat(answer.get("degraded").asBoolean()).isTrue();
        assertThat(answer.has("policyVersion")).isFalse();
        assertThat(answer.get("model").get("name").asString()).isEqualTo("fraud-mlp");
        assertThat(answer.get("reasons").valueStream().map(r -> r.get("code").asString()).toList())
                .containsExactly("POSTPROCESS_UNAVAILABLE");
        assertThat(answer.get("reasons").get(0).get("text").asString()).endsWith("the decision follows the fail mode REVIEW.");
    }

    @Test
    void predictRefusingTheFeatureSetGivesModelUnavailableAndRefreshesTheModel() {
        int metadataCallsBefore = FIXTURES.predict.metadataCalls.get();
        FIXTURES.predict.metadata = PredictFixture.model("2", "fp-2");

        JsonNode refused = json(post(transaction(newId())));

        assertThat(refused.get("degraded").asBoolean()).isTrue();
        assertThat(refused.get("reasons").get(0).get("code").asString()).isEqualTo("MODEL_UNAVAILABLE");
        await().atMost(Duration.ofSeconds(5)).until(() -> models.current()
                .map(m -> m.model().version().equals("2")).orElse(false));
        assertThat(FIXTURES.predict.metadataCalls.get()).isGreaterThan(metadataCallsBefore);

        FIXTURES.features.requests.clear();
        JsonNode scored = json(post(transaction(newId())));

        assertThat(scored.get("degraded").asBoolean()).isFalse();
        assertThat(scored.get("model").get("version").asString()).isEqualTo("2");
        assertThat(FIXTURES.features.requests.peek().getFeatureSet().getFingerprint()).isEqualTo("fp-2");
    }
}
