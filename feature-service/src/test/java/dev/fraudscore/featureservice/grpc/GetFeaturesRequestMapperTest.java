package dev.fraudscore.featureservice.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Timestamp;
import dev.fraudscore.contracts.common.v1.Channel;
import dev.fraudscore.contracts.common.v1.FeatureSetRef;
import dev.fraudscore.contracts.feature.v1.GetFeaturesRequest;
import dev.fraudscore.contracts.feature.v1.Transaction;
import dev.fraudscore.domain.DomainException;
import dev.fraudscore.domain.FieldViolation;
import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.featureservice.domain.FeatureQuery;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GetFeaturesRequestMapperTest {

    private static final Instant AT = Instant.parse("2026-03-01T12:34:56.789Z");

    static Transaction.Builder validTransaction() {
        return Transaction.newBuilder()
                .setTransactionId("tx-1")
                .setOccurredAt(Timestamp.newBuilder().setSeconds(AT.getEpochSecond()).setNanos(AT.getNano()))
                .setAmountMinor(12_999)
                .setBaseCurrency("EUR")
                .setCardKey("card-1")
                .setCardBin("411111")
                .setCardCountry("DE")
                .setCustomerKey("cust-1")
                .setMerchantKey("m-1")
                .setMerchantCategoryCode("5411")
                .setMerchantCountry("FR")
                .setChannel(Channel.CHANNEL_ECOMMERCE);
    }

    private static GetFeaturesRequest request(Transaction.Builder tx) {
        return GetFeaturesRequest.newBuilder()
                .setTransaction(tx)
                .setFeatureSet(FeatureSetRef.newBuilder().setName("fraud").setVersion(1).setFingerprint("abc"))
                .build();
    }

    @Test
    void mapsEveryFieldTheFeatureCodeReads() {
        FeatureQuery query = GetFeaturesRequestMapper.toQuery(request(validTransaction()));

        FeatureTransaction tx = query.transaction();
        assertThat(tx.transactionId()).isEqualTo("tx-1");
        assertThat(tx.occurredAt()).isEqualTo(AT);
        assertThat(tx.amountMinor()).isEqualTo(12_999);
        assertThat(tx.cardKey()).isEqualTo("card-1");
        assertThat(tx.cardCountry()).isEqualTo("DE");
        assertThat(tx.merchantKey()).isEqualTo("m-1");
        assertThat(tx.merchantCategoryCode()).isEqualTo("5411");
        assertThat(tx.merchantCountry()).isEqualTo("FR");
        assertThat(tx.channel()).isEqualTo(dev.fraudscore.domain.Channel.ECOMMERCE);
        assertThat(query.featureSet().name()).isEqualTo("fraud");
        assertThat(query.featureSet().version()).isEqualTo(1);
        assertThat(query.featureSet().fingerprint()).isEqualTo("abc");
    }

    @ParameterizedTest
    @CsvSource({"CHANNEL_ECOMMERCE,ECOMMERCE", "CHANNEL_POS,POS", "CHANNEL_ATM,ATM", "CHANNEL_MOTO,MOTO"})
    void mapsEachChannel(Channel wire, dev.fraudscore.domain.Channel domain) {
        FeatureQuery query = GetFeaturesRequestMapper.toQuery(request(validTransaction().setChannel(wire)));

        assertThat(query.transaction().channel()).isEqualTo(domain);
    }

    @Test
    void readsEmptyCountriesAsUnknown() {
        FeatureQuery query = GetFeaturesRequestMapper.toQuery(
                request(validTransaction().setCardCountry("").setMerchantCountry("").setMerchantCategoryCode("")));

        assertThat(query.transaction().cardCountry()).isNull();
        assertThat(query.transaction().merchantCountry()).isNull();
        assertThat(query.transaction().merchantCategoryCode()).isNull();
    }

    @Test
    void refusesAnUnspecifiedChannel() {
        assertViolation(validTransaction().setChannel(Channel.CHANNEL_UNSPECIFIED), "transaction.channel",
                "must be one of CHANNEL_ECOMMERCE, CHANNEL_POS, CHANNEL_ATM, CHANNEL_MOTO (it was CHANNEL_UNSPECIFIED)");
    }

    @Test
    void refusesAChannelNumberThisContractDoesNotKnow() {
        assertViolation(validTransaction().setChannelValue(42), "transaction.channel",
                "must be one of CHANNEL_ECOMMERCE, CHANNEL_POS, CHANNEL_ATM, CHANNEL_MOTO (it was the unknown value 42)");
    }

    @Test
    void refusesEmptyIds() {
        assertViolation(validTransaction().setTransactionId(""), "transaction.transaction_id", "must not be empty");
        assertViolation(validTransaction().setCardKey(" "), "transaction.card_key", "must not be empty");
        assertViolation(validTransaction().setMerchantKey(""), "transaction.merchant_key", "must not be empty");
    }

    @Test
    void refusesAMissingOrMalformedBaseCurrency() {
        assertViolation(validTransaction().clearBaseCurrency(), "transaction.base_currency",
                "must be the ISO 4217 code of the amount's currency, e.g. EUR (it was '')");
        assertThat(GetFeaturesRequestMapper.toQuery(request(validTransaction().setBaseCurrency("JPY"))).amountCurrency())
                .as("a known base the set does not use is the domain's to refuse").isEqualTo("JPY");
    }

    @Test
    void refusesAMissingInstant() {
        assertViolation(validTransaction().clearOccurredAt(), "transaction.occurred_at", "is missing");
    }

    @Test
    void refusesAnInstantBeforeTheEpoch() {
        DomainException error = invalid(validTransaction().setOccurredAt(Timestamp.newBuilder().setSeconds(-1)));

        assertThat(error.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("transaction.occurred_at");
            assertThat(v.message()).startsWith("must be an instant between 1970-01-01T00:00:00Z and 9999-12-31");
        });
    }

    @Test
    void refusesANegativeAmount() {
        assertViolation(validTransaction().setAmountMinor(-5), "transaction.amount_minor",
                "must not be negative (it was -5)");
    }

    @Test
    void refusesAMissingTransaction() {
        GetFeaturesRequest request = GetFeaturesRequest.newBuilder()
                .setFeatureSet(FeatureSetRef.newBuilder().setName("fraud").setVersion(1))
                .build();

        assertThatThrownBy(() -> GetFeaturesRequestMapper.toQuery(request))
                .isInstanceOf(DomainException.class)
                .hasMessage("the request is invalid: transaction is missing");
    }

    @Test
    void reportsEveryBadFieldAtOnceInOneSentence() {
        GetFeaturesRequest request = GetFeaturesRequest.newBuilder()
                .setTransaction(validTransaction().setTransactionId("").setAmountMinor(-1).setChannel(Channel.CHANNEL_UNSPECIFIED))
                .build();

        DomainException error = catchThrowableOfType(DomainException.class,
                () -> GetFeaturesRequestMapper.toQuery(request));

        assertThat(error.violations()).extracting(FieldViolation::field).containsExactly(
                "feature_set.name", "feature_set.version", "transaction.transaction_id",
                "transaction.amount_minor", "transaction.channel");
        assertThat(error.getMessage()).isEqualTo("the request is invalid: feature_set.name must not be empty (e.g. fraud); "
                + "feature_set.version must be positive (it was 0); transaction.transaction_id must not be empty; "
                + "transaction.amount_minor must not be negative (it was -1); "
                + "transaction.channel must be one of CHANNEL_ECOMMERCE, CHANNEL_POS, CHANNEL_ATM, CHANNEL_MOTO (it was CHANNEL_UNSPECIFIED)");
    }

    private static void assertViolation(Transaction.Builder tx, String field, String description) {
        assertThat(invalid(tx).violations()).containsExactly(new FieldViolation(field, description));
    }

    private static DomainException invalid(Transaction.Builder tx) {
        DomainException error = catchThrowableOfType(DomainException.class,
                () -> GetFeaturesRequestMapper.toQuery(request(tx)));
        assertThat(error).as("a DomainException").isNotNull();
        return error;
    }
}
