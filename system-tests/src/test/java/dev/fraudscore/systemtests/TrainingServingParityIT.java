package dev.fraudscore.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import dev.fraudscore.contracts.common.v1.Channel;
import dev.fraudscore.contracts.common.v1.FeatureSetRef;
import dev.fraudscore.contracts.feature.v1.FeatureServiceGrpc;
import dev.fraudscore.contracts.feature.v1.GetFeaturesRequest;
import dev.fraudscore.contracts.feature.v1.GetFeaturesResponse;
import dev.fraudscore.contracts.feature.v1.Transaction;
import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.features.FeatureSets;
import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.simulator.LabelledTransaction;
import dev.fraudscore.simulator.SimulationConfig;
import dev.fraudscore.simulator.Simulator;
import dev.fraudscore.trainer.FeatureReplay;
import dev.fraudscore.trainer.LabelledRows;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Training and serving cannot drift: the vectors the trainer computes for a simulated history are
 * exactly the vectors the running feature-service (Redis, Lua) serves for the same history, for every set it
 * serves side by side. {@code fraud_v2}'s history is longer than its 7-day label delay, so its merchant windows
 * fill; this test sends no labels, so the replay reports none either. Each set's run has keys of its own (a prefix on
 * every id): feature-service also records what one set serves in every set that counts labels, so the runs would
 * otherwise meet in {@code fraud_v2}'s state.
 */
class TrainingServingParityIT {

    @ParameterizedTest(name = "{0} over {1} days")
    @CsvSource({"fraud_v1, 5", "fraud_v2, 12"})
    void trainerVectorsEqualServedVectorsForTheSameHistory(String setId, int days) throws InterruptedException {
        Pipeline pipeline = Pipeline.get();
        FeatureSet featureSet = FeatureSets.find(setId).orElseThrow();
        List<LabelledTransaction> history = Simulator.generate(SimulationConfig.of(20261122L, 80, days));
        LabelledRows trained = FeatureReplay.replay(history, featureSet);

        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", pipeline.featuresGrpcPort).usePlaintext().build();
        try {
            FeatureServiceGrpc.FeatureServiceBlockingStub features = FeatureServiceGrpc.newBlockingStub(channel);
            FeatureSetRef set = FeatureSetRef.newBuilder().setName(featureSet.name()).setVersion(featureSet.version())
                    .setFingerprint(featureSet.fingerprint()).build();
            assertThat(history).hasSizeGreaterThan(400);
            for (int i = 0; i < history.size(); i++) {
                GetFeaturesResponse served = features.withDeadlineAfter(5, TimeUnit.SECONDS).getFeatures(
                        GetFeaturesRequest.newBuilder().setTransaction(toProto(history.get(i).transaction(), setId + "-"))
                                .setFeatureSet(set).build());
                assertThat(served.getNamesList()).isEqualTo(featureSet.featureNames());
                float[] servedValues = new float[served.getValuesCount()];
                for (int j = 0; j < servedValues.length; j++) {
                    servedValues[j] = served.getValues(j);
                }
                assertThat(servedValues).as("vector of transaction %d (%s)", i, history.get(i).transaction().transactionId())
                        .containsExactly(trained.rows()[i]);
            }
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** @param run put before every id: the vectors do not depend on the ids' text, only on which are equal */
    private static Transaction toProto(FeatureTransaction tx, String run) {
        Transaction.Builder proto = Transaction.newBuilder()
                .setTransactionId(run + tx.transactionId())
                .setOccurredAt(Timestamp.newBuilder().setSeconds(tx.occurredAt().getEpochSecond())
                        .setNanos(tx.occurredAt().getNano()))
                .setAmountMinor(tx.amountMinor())
                .setBaseCurrency("EUR")
                .setCardKey(run + tx.cardKey())
                .setMerchantKey(run + tx.merchantKey())
                .setChannel(Channel.valueOf("CHANNEL_" + tx.channel().name()));
        if (tx.cardCountry() != null) {
            proto.setCardCountry(tx.cardCountry());
        }
        if (tx.merchantCountry() != null) {
            proto.setMerchantCountry(tx.merchantCountry());
        }
        if (tx.merchantCategoryCode() != null) {
            proto.setMerchantCategoryCode(tx.merchantCategoryCode());
        }
        return proto.build();
    }
}
