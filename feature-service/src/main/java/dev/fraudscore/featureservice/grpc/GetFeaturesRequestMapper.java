package dev.fraudscore.featureservice.grpc;

import com.google.protobuf.Timestamp;
import dev.fraudscore.contracts.common.v1.FeatureSetRef;
import dev.fraudscore.contracts.feature.v1.GetFeaturesRequest;
import dev.fraudscore.contracts.feature.v1.Transaction;
import dev.fraudscore.domain.Channel;
import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.featureservice.domain.FeatureQuery;
import dev.fraudscore.featureservice.domain.FeatureSetRequest;
import dev.fraudscore.featureservice.domain.InvalidRequestException.Violation;
import dev.fraudscore.featureservice.domain.InvalidRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a {@link GetFeaturesRequest} to the data domain, checking every field the feature code relies
 * on and reporting all bad fields at once.
 */
final class GetFeaturesRequestMapper {

    // Before 1970 would collide with the -1 "never seen" marker of CardHistory; after 9999 is not an instant protobuf allows.
    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private GetFeaturesRequestMapper() {
    }

    /** @throws InvalidRequestException naming each bad field */
    static FeatureQuery toQuery(GetFeaturesRequest request) {
        List<Violation> violations = new ArrayList<>();
        FeatureSetRequest featureSet = featureSet(request.getFeatureSet(), violations);
        FeatureTransaction transaction = request.hasTransaction()
                ? transaction(request.getTransaction(), violations)
                : missing("transaction", violations);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new FeatureQuery(featureSet, transaction);
    }

    private static FeatureSetRequest featureSet(FeatureSetRef ref, List<Violation> violations) {
        if (ref.getName().isBlank()) {
            violations.add(new Violation("feature_set.name", "must not be empty (e.g. fraud)"));
        }
        if (ref.getVersion() <= 0) {
            violations.add(new Violation("feature_set.version", "must be positive (it was " + ref.getVersion() + ")"));
        }
        return new FeatureSetRequest(ref.getName(), ref.getVersion(), ref.getFingerprint());
    }

    private static FeatureTransaction transaction(Transaction tx, List<Violation> violations) {
        requireText("transaction.transaction_id", tx.getTransactionId(), violations);
        requireText("transaction.card_key", tx.getCardKey(), violations);
        requireText("transaction.merchant_key", tx.getMerchantKey(), violations);
        if (tx.getAmountMinor() < 0) {
            violations.add(new Violation("transaction.amount_minor",
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

    private static Instant occurredAt(Transaction tx, List<Violation> violations) {
        if (!tx.hasOccurredAt()) {
            violations.add(new Violation("transaction.occurred_at", "is missing"));
            return null;
        }
        Timestamp ts = tx.getOccurredAt();
        if (ts.getNanos() < 0 || ts.getNanos() > 999_999_999
                || ts.getSeconds() < EARLIEST.getEpochSecond() || ts.getSeconds() > LATEST.getEpochSecond()) {
            violations.add(new Violation("transaction.occurred_at",
                    "must be an instant between " + EARLIEST + " and " + LATEST + " (it was " + ts.getSeconds()
                            + " s and " + ts.getNanos() + " ns after the epoch)"));
            return null;
        }
        return Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos());
    }

    private static Channel channel(Transaction tx, List<Violation> violations) {
        return switch (tx.getChannel()) {
            case ECOMMERCE -> Channel.ECOMMERCE;
            case POS -> Channel.POS;
            case ATM -> Channel.ATM;
            case MOTO -> Channel.MOTO;
            case CHANNEL_UNSPECIFIED, UNRECOGNIZED -> {
                String was = tx.getChannel() == dev.fraudscore.contracts.common.v1.Channel.UNRECOGNIZED
                        ? "the unknown value " + tx.getChannelValue()
                        : tx.getChannel().name();
                violations.add(new Violation("transaction.channel",
                        "must be one of ECOMMERCE, POS, ATM, MOTO (it was " + was + ")"));
                yield null;
            }
        };
    }

    private static void requireText(String field, String value, List<Violation> violations) {
        if (value.isBlank()) {
            violations.add(new Violation(field, "must not be empty"));
        }
    }

    private static FeatureTransaction missing(String field, List<Violation> violations) {
        violations.add(new Violation(field, "is missing"));
        return null;
    }

    /** Empty proto strings mean "unknown"; feature-core reads unknown as null (no cross-border signal). */
    private static String orNull(String value) {
        return value.isBlank() ? null : value;
    }
}
