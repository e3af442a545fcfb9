package dev.fraudscore.predictservice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.domain.DomainException;
import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.predictservice.TestManifests;
import org.junit.jupiter.api.Test;

class RequestValidatorTest {

    private final ModelManifest model = TestManifests.fraudV1("fraud-mlp", "3");
    private final String fingerprint = TestManifests.FRAUD_V1.fingerprint();
    private final RequestValidator validator = new RequestValidator(4);

    @Test
    void acceptsTheFeatureSetTheModelWasTrainedOn() {
        assertThatCode(() -> validator.checkFeatureSet(model, new FeatureSetId("fraud", 1, fingerprint)))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAnotherFingerprintNamingBothFeatureSets() {
        assertThatThrownBy(() -> validator.checkFeatureSet(model, new FeatureSetId("fraud", 2, "def0123456789abc")))
                .isInstanceOfSatisfying(PredictionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.MISMATCH);
                    assertThat(e.getMessage()).isEqualTo("model fraud-mlp/3 was trained on feature set fraud_v1"
                            + " (fingerprint " + fingerprint + "), the request carries fraud_v2 (fingerprint def0123456789abc)");
                });
    }

    @Test
    void refusesTheSameFingerprintUnderAnotherNameOrVersion() {
        assertThatThrownBy(() -> validator.checkFeatureSet(model, new FeatureSetId("fraud", 2, fingerprint)))
                .isInstanceOfSatisfying(PredictionException.class,
                        e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.MISMATCH));
        assertThatThrownBy(() -> validator.checkFeatureSet(model, new FeatureSetId("fraudish", 1, fingerprint)))
                .isInstanceOfSatisfying(PredictionException.class,
                        e -> assertThat(e.getMessage()).contains("the request carries fraudish_v1"));
    }

    @Test
    void refusesARequestWithoutFingerprint() {
        assertThatThrownBy(() -> validator.checkFeatureSet(model, new FeatureSetId("fraud", 1, "")))
                .isInstanceOfSatisfying(PredictionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.MISMATCH);
                    assertThat(e.getMessage()).startsWith("the request carries fraud_v1 without a fingerprint")
                            .contains("fingerprint " + fingerprint);
                });
        assertThatThrownBy(() -> validator.checkFeatureSet(model, new FeatureSetId("", 0, "")))
                .hasMessageStartingWith("the request carries no feature set name without a fingerprint");
    }

    @Test
    void refusesNoRows() {
        assertThatThrownBy(() -> validator.checkRows(model, new float[0][]))
                .isInstanceOfSatisfying(PredictionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                    assertThat(e.getMessage()).isEqualTo(
                            "the request has no rows; send at least one row of 14 values (feature set fraud_v1)");
                });
    }

    @Test
    void refusesMoreRowsThanTheCap() {
        assertThatCode(() -> validator.checkRows(model, TestManifests.rows(4, 1))).doesNotThrowAnyException();
        assertThatThrownBy(() -> validator.checkRows(model, TestManifests.rows(5, 1)))
                .hasMessage("the request has 5 rows but at most 4 are accepted in one request; split it");
    }

    @Test
    void refusesARowOfTheWrongWidthNamingItsIndexAndBothWidths() {
        float[][] rows = TestManifests.rows(3, 1);
        rows[2] = new float[13];
        assertThatThrownBy(() -> validator.checkRows(model, rows))
                .isInstanceOfSatisfying(PredictionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID);
                    assertThat(e.getMessage()).isEqualTo(
                            "row 2 has 13 values but model fraud-mlp/3 takes 14 (the features of fraud_v1)");
                });
    }

    @Test
    void refusesAValueThatIsNotFiniteNamingTheFeature() {
        float[][] rows = TestManifests.rows(2, 1);
        rows[1][8] = Float.NaN;
        assertThatThrownBy(() -> validator.checkRows(model, rows))
                .hasMessage("row 1, value 8 (card_tx_count_1h) is NaN; every value must be a finite number");
    }
}
