package dev.fraudscore.featureservice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.domain.Channel;
import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.features.FeatureStore;
import dev.fraudscore.features.FeatureStores;
import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.features.FraudV1;
import dev.fraudscore.features.HistoryStore;
import dev.fraudscore.features.InMemoryHistoryStore;
import dev.fraudscore.features.state.FraudLabel;
import dev.fraudscore.features.state.InMemoryAggregateStore;
import dev.fraudscore.features.state.LabelOutcome;
import dev.fraudscore.features.state.TransactionLabel;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FeatureComputerTest {

    private static final String FINGERPRINT = new FraudV1().fingerprint();

    private final AtomicInteger observed = new AtomicInteger();
    private final HistoryStore memory = new InMemoryHistoryStore();
    private final FeatureComputer computer = new FeatureComputer(ServedFeatureSets.of(List.of("fraud_v1")),
            set -> FeatureStores.of(set, () -> tx -> {
                observed.incrementAndGet();
                return memory.observe(tx);
            }, InMemoryAggregateStore::new));

    private static FeatureTransaction tx(String id, String at) {
        return new FeatureTransaction(id, Instant.parse(at), 5_000, "card-1", "DE", "m-1", "5411", "DE", Channel.POS);
    }

    @Test
    void computesTheFraudV1VectorFromTheHistoryBeforeTheTransaction() {
        ComputedFeatures first = computer.compute(new FeatureQuery(new FeatureSetId("fraud", 1, ""), tx("a", "2026-01-01T10:00:00Z"), "EUR"));
        ComputedFeatures second = computer.compute(new FeatureQuery(new FeatureSetId("fraud", 1, FINGERPRINT), tx("b", "2026-01-01T10:10:00Z"), "EUR"));

        assertThat(first.featureSet().id()).isEqualTo("fraud_v1");
        assertThat(first.vector().missing()).contains("seconds_since_last_tx_log1p");
        assertThat(second.vector().values()[9]).as("card_tx_count_24h").isEqualTo(1f);
        assertThat(second.vector().values()[13]).as("first_time_merchant").isEqualTo(0f);
        assertThat(second.replayed()).isFalse();
    }

    @Test
    void aRetryIsFlaggedAndGetsTheSameVector() {
        ComputedFeatures first = computer.compute(new FeatureQuery(new FeatureSetId("fraud", 1, ""), tx("a", "2026-01-01T10:00:00Z"), "EUR"));
        ComputedFeatures retry = computer.compute(new FeatureQuery(new FeatureSetId("fraud", 1, ""), tx("a", "2026-01-01T10:00:00Z"), "EUR"));

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.vector().values()).containsExactly(first.vector().values());
    }

    @Test
    void anUnknownSetIsRefusedBeforeAnythingIsRecorded() {
        assertThatThrownBy(() -> computer.compute(new FeatureQuery(new FeatureSetId("fraud", 9, ""), tx("a", "2026-01-01T10:00:00Z"), "EUR")))
                .isInstanceOf(UnknownFeatureSetException.class)
                .hasMessage("feature set fraud_v9 is not served here; served: fraud_v1");
        assertThat(observed).hasValue(0);
    }

    @Test
    void anotherFingerprintIsRefusedBeforeAnythingIsRecorded() {
        assertThatThrownBy(() -> computer.compute(new FeatureQuery(new FeatureSetId("fraud", 1, "0123456789abcdef"), tx("a", "2026-01-01T10:00:00Z"), "EUR")))
                .isInstanceOf(FingerprintMismatchException.class)
                .hasMessage("feature set fraud_v1 has fingerprint " + FINGERPRINT + " here, but the request expects "
                        + "0123456789abcdef; the model and this feature-service disagree on the features");
        assertThat(observed).hasValue(0);
    }

    @Test
    void anAmountInAnotherCurrencyIsRefusedBeforeAnythingIsRecorded() {
        assertThatThrownBy(() -> computer.compute(new FeatureQuery(new FeatureSetId("fraud", 1, ""),
                tx("a", "2026-01-01T10:00:00Z"), "JPY")))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessage("feature set fraud_v1 computes its amount features in EUR, but the transaction's amount is in"
                        + " minor units of JPY; set business-api's fraudscore.api.currency.base to EUR or serve a feature"
                        + " set defined in JPY");
        assertThat(observed).hasValue(0);
    }

    @Test
    void servesBothSetsSideBySideEachFromItsOwnState() {
        Map<String, FeatureStore> stores = new HashMap<>();
        Function<FeatureSet, FeatureStore> storeOf = set -> stores.computeIfAbsent(set.id(), id -> FeatureStores.inMemory(set));
        FeatureComputer both = new FeatureComputer(ServedFeatureSets.of(List.of("fraud_v1", "fraud_v2")), storeOf,
                SetsObserver.oneByOne(storeOf), false);

        ComputedFeatures v1 = both.compute(new FeatureQuery(new FeatureSetId("fraud", 1, ""), tx("a", "2026-01-01T10:00:00Z"), "EUR"));
        ComputedFeatures v2 = both.compute(new FeatureQuery(new FeatureSetId("fraud", 2, ""), tx("a", "2026-01-01T10:00:00Z"), "EUR"));

        assertThat(v1.vector().values()).hasSize(14);
        assertThat(v2.featureSet().id()).isEqualTo("fraud_v2");
        assertThat(v2.vector().values()).hasSize(23);
        assertThat(v2.replayed()).as("the same id in another set is that set's first time").isFalse();
        assertThat(both.recordLabel(new TransactionLabel("a",
                FraudLabel.FRAUD, Instant.parse("2026-01-02T10:00:00Z"))))
                .as("only fraud_v2 counts labels")
                .containsExactly(Map.entry("fraud_v2", LabelOutcome.RECORDED));
    }

    private static FeatureComputer bothSets(boolean recordInLabelSets) {
        Map<String, FeatureStore> stores = new HashMap<>();
        Function<FeatureSet, FeatureStore> storeOf = set -> stores.computeIfAbsent(set.id(), id -> FeatureStores.inMemory(set));
        return new FeatureComputer(ServedFeatureSets.of(List.of("fraud_v1", "fraud_v2")), storeOf,
                SetsObserver.oneByOne(storeOf), recordInLabelSets);
    }

    private static TransactionLabel label(String id, FraudLabel label) {
        return new TransactionLabel(id, label, Instant.parse("2026-01-03T10:00:00Z"));
    }

    @Test
    void aTransactionServedFromFraudV1IsRecordedInFraudV2AndTakesItsLabelOnce() {
        FeatureComputer both = bothSets(true);
        both.compute(new FeatureQuery(new FeatureSetId("fraud", 1, ""), tx("a", "2026-01-01T10:00:00Z"), "EUR"));

        ComputedFeatures v2 = both.compute(new FeatureQuery(new FeatureSetId("fraud", 2, ""), tx("a", "2026-01-01T10:00:00Z"), "EUR"));

        assertThat(v2.replayed()).as("recorded in fraud_v2 when fraud_v1 served it").isTrue();
        assertThat(both.label(label("a", FraudLabel.FRAUD))).isEqualTo(LabelOutcome.RECORDED);
        assertThat(both.label(label("a", FraudLabel.FRAUD))).isEqualTo(LabelOutcome.REPEATED);
        assertThatThrownBy(() -> both.label(label("a", FraudLabel.GENUINE)))
                .isInstanceOf(LabelConflictException.class)
                .hasMessage("transaction a is already labelled FRAUD; a label is final, so GENUINE was not recorded");
    }

    @Test
    void aLabelForATransactionNoSetHoldsIsNotFoundNamingTheHorizon() {
        FeatureComputer both = bothSets(true);

        assertThatThrownBy(() -> both.label(label("nobody", FraudLabel.GENUINE)))
                .isInstanceOf(UnknownTransactionException.class)
                .hasMessage("no transaction nobody was scored in the last 39 days, the horizon of late labels, so there"
                        + " is nothing to label");
    }

    @Test
    void withoutRecordingInLabelSetsAFraudV1TransactionIsUnknownToLabels() {
        FeatureComputer both = bothSets(false);
        both.compute(new FeatureQuery(new FeatureSetId("fraud", 1, ""), tx("a", "2026-01-01T10:00:00Z"), "EUR"));

        assertThatThrownBy(() -> both.label(label("a", FraudLabel.FRAUD)))
                .isInstanceOf(UnknownTransactionException.class);
    }

    @Test
    void noSetThatCountsLabelsMeansNoTransactionCanBeLabelled() {
        assertThatThrownBy(() -> computer.label(label("a", FraudLabel.FRAUD)))
                .isInstanceOf(UnknownTransactionException.class)
                .hasMessage("transaction a cannot be labelled here: no served feature set counts labels (served: fraud_v1)");
    }
}
