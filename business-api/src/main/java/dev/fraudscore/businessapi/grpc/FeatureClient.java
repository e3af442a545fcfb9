package dev.fraudscore.businessapi.grpc;

import com.google.protobuf.Timestamp;
import dev.fraudscore.businessapi.domain.DataTransaction;
import dev.fraudscore.businessapi.pipeline.FeatureSource;
import dev.fraudscore.contracts.feature.v1.FeatureServiceGrpc;
import dev.fraudscore.contracts.feature.v1.GetFeaturesRequest;
import dev.fraudscore.contracts.feature.v1.GetFeaturesResponse;
import dev.fraudscore.contracts.feature.v1.Transaction;
import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.support.proto.DomainProtos;
import io.grpc.Channel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@link FeatureSource} over FeatureService.GetFeatures, through its guard. Does not own the channel. */
public final class FeatureClient implements FeatureSource {

    private final FeatureServiceGrpc.FeatureServiceFutureStub stub;
    private final GuardedDownstream guard;

    public FeatureClient(Channel channel, GuardedDownstream guard) {
        this.stub = FeatureServiceGrpc.newFutureStub(channel);
        this.guard = guard;
    }

    @Override
    public Duration timeout() {
        return guard.timeout();
    }

    @Override
    public CompletableFuture<Features> features(DataTransaction tx, FeatureSetId wanted, Duration budget) {
        GetFeaturesRequest request = GetFeaturesRequest.newBuilder()
                .setTransaction(toProto(tx)).setFeatureSet(DomainProtos.toProto(wanted)).build();
        return guard.call(budget,
                deadline -> stub.withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS).getFeatures(request),
                response -> features(response, wanted));
    }

    private Features features(GetFeaturesResponse response, FeatureSetId wanted) {
        if (response.getNamesCount() != response.getValuesCount()) {
            throw GrpcFailures.unusable(guard.name(), "answered " + response.getNamesCount() + " names but "
                    + response.getValuesCount() + " values");
        }
        float[] values = new float[response.getValuesCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = response.getValues(i);
        }
        FeatureSetId used = response.hasFeatureSet() ? DomainProtos.featureSet(response.getFeatureSet()) : wanted;
        return new Features(used, response.getNamesList(), values);
    }

    static Transaction toProto(DataTransaction tx) {
        Transaction.Builder builder = Transaction.newBuilder()
                .setTransactionId(tx.transactionId())
                .setOccurredAt(Timestamp.newBuilder()
                        .setSeconds(tx.occurredAt().getEpochSecond())
                        .setNanos(tx.occurredAt().getNano()))
                .setAmountMinor(tx.amountMinor())
                .setBaseCurrency(tx.baseCurrency())
                .setCardKey(tx.cardKey())
                .setCardBin(tx.cardBin())
                .setCardCountry(tx.cardCountry())
                .setCustomerKey(tx.customerKey())
                .setMerchantKey(tx.merchantKey())
                .setMerchantCategoryCode(tx.merchantCategoryCode())
                .setMerchantCountry(tx.merchantCountry())
                .setChannel(DomainProtos.toProto(tx.channel()))
                .setDeviceKey(tx.deviceKey() == null ? "" : tx.deviceKey())
                .setIp(tx.ip() == null ? "" : tx.ip());
        if (tx.latitude() != null && tx.longitude() != null) {
            builder.setLatitude(tx.latitude()).setLongitude(tx.longitude());
        }
        return builder.build();
    }
}
