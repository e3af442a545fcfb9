package dev.fraudscore.predictservice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.fraudscore.domain.DomainException;
import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.predictservice.FakeModelVersion;
import dev.fraudscore.predictservice.GatedModelVersion;
import dev.fraudscore.predictservice.TestManifests;
import dev.fraudscore.predictservice.batching.BatchListener;
import dev.fraudscore.predictservice.batching.BatchingConfig;
import dev.fraudscore.predictservice.batching.DynamicBatcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Routing, checks and holds over real batch queues, with fake models on a clock that never moves. */
class PredictorTest {

    private static final String MODEL = "fraud-mlp";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final BatchingConfig BATCHING = new BatchingConfig(8, Duration.ZERO, 8);

    private final ModelRegistry registry = new ModelRegistry(MODEL);
    private final List<String> shadowed = new CopyOnWriteArrayList<>();
    private final ShadowRecorder recorder = (primary, primaryScores, shadow, shadowScores) -> shadowed.add(
            primary.version() + "=" + primaryScores[0] + " " + shadow.version() + "=" + shadowScores[0]);
    private final Predictor predictor = new Predictor(registry, new RequestValidator(16), recorder);
    private final List<ServingVersion> served = new CopyOnWriteArrayList<>();

    @AfterEach
    void retireAll() {
        served.forEach(ServingVersion::retire);
    }

    @Test
    void eachCardGetsTheVersionTheRoutingGivesIt() {
        serve("1", 0.1f);
        serve("2", 0.2f);
        Routing routing = new Routing("1", "2", 50, List.of());
        registry.route(MODEL, routing, null);

        List<String> cards = IntStream.range(0, 200).mapToObj(i -> "card-" + i).toList();

        assertThat(cards).allSatisfy(card -> {
            Prediction answer = predict(null, card);
            assertThat(answer.model().version()).isEqualTo(routing.versionFor(card));
            assertThat(answer.scores()).containsOnly(answer.model().version().equals("1") ? 0.1f : 0.2f);
        });
        assertThat(cards).extracting(routing::versionFor).contains("1", "2");
    }

    @Test
    void aNamedVersionAnswersWhateverTheRouting() {
        serve("1", 0.1f);
        serve("2", 0.2f);
        registry.route(MODEL, Routing.primaryOnly("1"), null);

        Prediction answer = predict("2", "card-1");

        assertThat(answer.model().version()).isEqualTo("2");
        assertThat(answer.scores()).containsExactly(0.2f, 0.2f);
    }

    @Test
    void anUnknownModelIsNotFoundNamingTheServedOnes() {
        serve("1", 0.1f);
        registry.route(MODEL, Routing.primaryOnly("1"), null);

        assertRefused(() -> predictor.predict(query("fraud-gbm", null, "card-1")), DomainException.Kind.NOT_FOUND,
                "model fraud-gbm is not served here; served: fraud-mlp");
    }

    @Test
    void theDefaultModelWithoutAnyVersionIsUnavailableNotMissing() {
        assertRefused(() -> predict(null, "card-1"), DomainException.Kind.UNAVAILABLE,
                "the default model fraud-mlp has no version to serve yet; served: none yet");
        assertRefused(() -> predictor.predict(query("", null, "card-1")), DomainException.Kind.UNAVAILABLE,
                "the default model fraud-mlp has no version to serve yet");
    }

    @Test
    void aVersionThatIsNotServedIsNotFoundNamingTheVersionsAndWhy() {
        serve("1", 0.1f);
        registry.route(MODEL, Routing.primaryOnly("1"), null);
        registry.status(MODEL, new VersionStatus("2", VersionState.FAILED, "its weights are corrupt", null, null));

        assertRefused(() -> predict("2", "card-1"), DomainException.Kind.NOT_FOUND,
                "version 2 of fraud-mlp is not served; its versions: 1 (READY), 2 (FAILED: its weights are corrupt)");
    }

    @Test
    void aModelStillLoadingIsUnavailable() {
        registry.status(MODEL, new VersionStatus("1", VersionState.LOADING, null, null, null));

        assertRefused(() -> predict(null, "card-1"), DomainException.Kind.UNAVAILABLE,
                "model fraud-mlp has no servable version yet; its versions: 1 (LOADING)");
    }

    @Test
    void shadowsScoreTheSameRowsOffThePathAndNeverAnswer() {
        serve("1", 0.1f);
        FakeModelVersion shadow = serve("2", 0.2f);
        registry.route(MODEL, new Routing("1", null, 0, List.of("2")), null);

        Prediction answer = predict(null, "card-1");

        assertThat(answer.model().version()).isEqualTo("1");
        assertThat(answer.scores()).containsExactly(0.1f, 0.1f);
        await().atMost(Duration.ofSeconds(5)).until(() -> shadowed.size() == 1);
        assertThat(shadowed).containsExactly("1=0.1 2=0.2");
        assertThat(shadow.batchSizes()).containsExactly(2);
    }

    @Test
    void aRequestNamingItsVersionIsNotShadowed() {
        serve("1", 0.1f);
        FakeModelVersion shadow = serve("2", 0.2f);
        registry.route(MODEL, new Routing("1", null, 0, List.of("2")), null);

        assertThat(predict("1", "card-1").model().version()).isEqualTo("1");

        assertThat(shadow.batchSizes()).isEmpty();
        assertThat(shadowed).isEmpty();
    }

    @Test
    void aRetiredVersionAnswersTheRequestsHoldingItAndIsClosedAfterTheLast() {
        GatedModelVersion old = new GatedModelVersion(new FakeModelVersion(manifest("1"), 0.1f));
        AtomicBoolean forgotten = new AtomicBoolean();
        publish(old, () -> forgotten.set(true));
        serve("2", 0.2f);
        registry.route(MODEL, Routing.primaryOnly("1"), null);
        old.hold();
        CompletableFuture<Prediction> inFlight = predictor.predict(query(MODEL, null, "card-1"));
        await().atMost(Duration.ofSeconds(5)).until(old::busy);

        registry.route(MODEL, Routing.primaryOnly("2"), null);
        registry.withdraw(MODEL, "1").orElseThrow().retire();

        assertThat(predict(null, "card-2").model().version()).isEqualTo("2");
        assertThat(old.closed()).isFalse();
        assertThat(forgotten).isFalse();
        old.open();
        assertThat(inFlight).succeedsWithin(Duration.ofSeconds(5))
                .satisfies(answer -> assertThat(answer.model().version()).isEqualTo("1"));
        await().atMost(Duration.ofSeconds(5)).until(forgotten::get);
        assertThat(old.closed()).isTrue();
    }

    @Test
    void aRefusedRequestLeavesNoHoldOnItsVersion() {
        FakeModelVersion model = serve("1", 0.1f);
        registry.route(MODEL, Routing.primaryOnly("1"), null);
        PredictQuery otherFeatureSet = new PredictQuery(MODEL, null, "card-1", new FeatureSetId("fraud", 2, "0123abcd"),
                TestManifests.rows(1, 1), Instant.MAX);

        assertRefused(() -> predictor.predict(otherFeatureSet), DomainException.Kind.MISMATCH, "the request carries fraud_v2");
        registry.withdraw(MODEL, "1").orElseThrow().retire();

        assertThat(model.closed()).isTrue();
    }

    @Test
    void aFullBatchQueueRefusesAsOverloaded() {
        GatedModelVersion model = new GatedModelVersion(new FakeModelVersion(manifest("1"), 0.1f));
        publish(model, () -> {
        });
        registry.route(MODEL, Routing.primaryOnly("1"), null);
        model.hold();
        CompletableFuture<Prediction> inFlight = predictor.predict(query(MODEL, null, "card-1"));
        await().atMost(Duration.ofSeconds(5)).until(model::busy);
        predictor.predict(new PredictQuery(MODEL, null, "card-2", TestManifests.fraudV1(), TestManifests.rows(8, 2),
                Instant.MAX));

        CompletableFuture<Prediction> refused = predictor.predict(query(MODEL, null, "card-3"));

        assertThat(refused).failsWithin(Duration.ofSeconds(5)).withThrowableThat().havingCause()
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.OVERLOADED);
                    assertThat(e).hasMessageContaining("batch queue for fraud-mlp/1 holds 8 rows, its limit");
                });
        model.open();
        assertThat(inFlight).succeedsWithin(Duration.ofSeconds(5));
    }

    private FakeModelVersion serve(String version, float score) {
        FakeModelVersion model = new FakeModelVersion(manifest(version), score);
        publish(model, () -> {
        });
        return model;
    }

    private void publish(ModelVersion model, Runnable onClosed) {
        DynamicBatcher batcher = DynamicBatcher.start(model.ref(), BATCHING, model::score, CLOCK, BatchListener.NONE);
        ServingVersion serving = new ServingVersion(model, batcher, onClosed);
        served.add(serving);
        registry.publish(MODEL, serving, new VersionStatus(serving.version(), VersionState.READY, null, "cpu()",
                model.manifest().featureSet()));
    }

    private Prediction predict(String version, String card) {
        return predictor.predict(query(MODEL, version, card)).join();
    }

    private static PredictQuery query(String model, String version, String card) {
        return new PredictQuery(model, version, card, TestManifests.fraudV1(), TestManifests.rows(2, 1), Instant.MAX);
    }

    private static ModelManifest manifest(String version) {
        return TestManifests.fraudV1(MODEL, version);
    }

    private static void assertRefused(ThrowingCallable call, DomainException.Kind kind,
            String sentence) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.getMessage()).contains(sentence);
        });
    }
}
