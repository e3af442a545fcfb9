package dev.fraudscore.featureservice.grpc;

import com.google.protobuf.Timestamp;
import dev.fraudscore.contracts.common.v1.FeatureSetRef;
import dev.fraudscore.contracts.feature.v1.GetFeaturesRequest;
import dev.fraudscore.contracts.feature.v1.Transaction;
import dev.fraudscore.domain.Channel;
import dev.fraudscore.domain.DomainException;
import dev.fraudscore.domain.FieldViolation;
import dev.fraudscore.featureservice.domain.FeatureQuery;
import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.support.proto.DomainProtos;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Maps a {@link GetFeaturesRequest} to the data domain, checking every field the feature code relies
 * on and reporting all bad fields at once.
 */
final class GetFeaturesRequestMapper {

    // Before 1970 would collide with the -1 "never seen" marker of CardHistory; after 9999 is not an instant protobuf allows.
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    /** The proto names a caller may send, in the contract's order: CHANNEL_ECOMMERCE, CHANNEL_POS, ... */
    private static final String CHANNELS = Arrays.stream(Channel.values())
            .map(channel -> DomainProtos.toProto(channel).name()).collect(Collectors.joining(", "));

    private GetFeaturesRequestMapper() {
    }

    /** @throws DomainException (INVALID) naming each bad field */
    static FeatureQuery toQuery(GetFeaturesRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        FeatureSetId featureSet = featureSet(request.getFeatureSet(), violations);
        Transaction tx = request.getTransaction();
        FeatureTransaction transaction = request.hasTransaction() ? transaction(tx, violations) : missing(violations);
        if (request.hasTransaction() && !CURRENCY.matcher(tx.getBaseCurrency()).matches()) {
            violations.add(new FieldViolation("transaction.base_currency",
                    "must be the ISO 4217 code of the amount's currency, e.g. EUR (it was '" + tx.getBaseCurrency() + "')"));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalidFields("the request", violations);
        }
        return new FeatureQuery(featureSet, transaction, tx.getBaseCurrency());
    }

    private static FeatureSetId featureSet(FeatureSetRef ref, List<FieldViolation> violations) {
        if (ref.getName().isBlank()) {
            violations.add(new FieldViolation("feature_set.name", "must not be empty (e.g. fraud)"));
        }
        if (ref.getVersion() <= 0) {
            violations.add(new FieldViolation("feature_set.version", "must be positive (it was " + ref.getVersion() + ")"));
        }
        return DomainProtos.featureSet(ref);
    }

    private static FeatureTransaction transaction(Transaction tx, List<FieldViolation> violations) {
        requireText("transaction.transaction_id", tx.getTransactionId(), violations);
        requireText("transaction.card_key", tx.getCardKey(), violations);
        requireText("transaction.merchant_key", tx.getMerchantKey(), violations);
        if (tx.getAmountMinor() < 0) {
            violations.add(new FieldViolation("transaction.amount_minor",
                    "must not be negative (it was " + tx.getAmountMinor() + ")"));
        }
        Instant occurredAt = occurredAt(tx, violations);
        Channel channel = channel(tx, violations);
        if (!violations.isEmpty()) {
            return null;
        }
        return new FeatureTransaction(tx.getTransactionId(), occurredAt, tx.getAmountMinor(), tx.getCardKey(),
                orNull(tx.getCardCountry()), tx.getMerchantKey(), orNull(tx.getMerchantCategoryCode()),
                orNull(tx.getMerchantCountry()), channel);
    }

    private static Instant occurredAt(Transaction tx, List<FieldViolation> violations) {
        if (!tx.hasOccurredAt()) {
            violations.add(new FieldViolation("transaction.occurred_at", "is missing"));
            return null;
        }
        Timestamp ts = tx.getOccurredAt();
        if (ts.getNanos() < 0 || ts.getNanos() > 999_999_999
                || ts.getSeconds() < EARLIEST.getEpochSecond() || ts.getSeconds() > LATEST.getEpochSecond()) {
            violations.add(new FieldViolation("transaction.occurred_at",
                    "must be an instant between " + EARLIEST + " and " + LATEST + " (it was " + ts.getSeconds()
                            + " s and " + ts.getNanos() + " ns after the epoch)"));
            return null;
        }
        return Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos());
    }

    private static Channel channel(Transaction tx, List<FieldViolation> violations) {
        return DomainProtos.channel(tx.getChannel()).orElseGet(() -> {
            String was = tx.getChannel() == dev.fraudscore.contracts.common.v1.Channel.UNRECOGNIZED
                    ? "the unknown value " + tx.getChannelValue()
                    : tx.getChannel().name();
            violations.add(new FieldViolation("transaction.channel",
                    "must be one of " + CHANNELS + " (it was " + was + ")"));
            return null;
        });
    }

    private static void requireText(String field, String value, List<FieldViolation> violations) {
        if (value.isBlank()) {
            violations.add(new FieldViolation(field, "must not be empty"));
        }
    }

    private static FeatureTransaction missing(List<FieldViolation> violations) {
        violations.add(new FieldViolation("transaction", "is missing"));
        return null;
    }

    /** Empty proto strings mean "unknown"; feature-core reads unknown as null (no cross-border signal). */
    private static String orNull(String value) {
        return value.isBlank() ? null : value;
    }
}
