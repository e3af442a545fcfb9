package dev.fraudscore.featureservice;

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
import dev.fraudscore.features.FeatureStore;
import dev.fraudscore.features.FeatureStores;
import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.testsupport.TestRedis;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A data engineer adds {@code fraud_v3} to a deployed feature-service: the service serves it beside
 * {@code fraud_v1} and {@code fraud_v2}, and every vector of each set, asked in any order over gRPC, is the one the
 * trainer computes for that set alone, so adding a set moves no vector of the others.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {"spring.grpc.server.port=0",
        "spring.grpc.server.host=127.0.0.1", "fraudscore.features.feature-sets=fraud_v1,fraud_v2,fraud_v3"})
class AddedFeatureSetIT {

    private static final String PREFIX = TestRedis.uniquePrefix();
    private static final Instant START = Instant.parse("2026-04-01T09:30:00Z");
    private static final List<FeatureSet> SETS = List.of(FeatureSets.find("fraud_v1").orElseThrow(),
            FeatureSets.find("fraud_v2").orElseThrow(), FeatureSets.find("fraud_v3").orElseThrow());

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        TestRedisProperties.register(registry, PREFIX);
    }

    @LocalGrpcPort
    int grpcPort;

    @Test
    void servesTheAddedSetAndTheOthersAsTheTrainerComputesEachAlone() throws InterruptedException {
        List<FeatureStore> trained = SETS.stream().map(FeatureStores::inMemory).toList();
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
        try {
            var features = FeatureServiceGrpc.newBlockingStub(channel);
            for (int i = 0; i < 40; i++) {
                // two cards paying 15 merchants (more than fraud_v3 remembers), minutes to a day apart
                Instant at = START.plus(Duration.ofMinutes(37L * i * i));
                FeatureTransaction tx = new FeatureTransaction("add-" + i, at, 1_000L + 3_217L * (i % 9),
                        i % 3 == 0 ? "card-a" : "card-b", "DE", "merchant-" + i % 15, "5411", i % 4 == 0 ? "FR" : "DE",
                        dev.fraudscore.domain.Channel.POS);
                for (int k = 0; k < SETS.size(); k++) {
                    // a different set asks first each time: the others then replay what was recorded with it
                    int s = (k + i) % SETS.size();
                    FeatureSet set = SETS.get(s);
                    GetFeaturesResponse served = features.withDeadlineAfter(5, TimeUnit.SECONDS)
                            .getFeatures(request(tx, set));

                    assertThat(served.getNamesList()).isEqualTo(set.featureNames());
                    assertThat(toArray(served.getValuesList())).as("%s of %s", set.id(), tx.transactionId())
                            .containsExactly(trained.get(s).observe(tx).vector().values());
                }
            }
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static GetFeaturesRequest request(FeatureTransaction tx, FeatureSet set) {
        Instant at = tx.occurredAt();
        return GetFeaturesRequest.newBuilder()
                .setTransaction(Transaction.newBuilder()
                        .setTransactionId(tx.transactionId())
                        .setOccurredAt(Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()))
                        .setAmountMinor(tx.amountMinor())
                        .setBaseCurrency("EUR")
                        .setCardKey(tx.cardKey())
                        .setCardCountry(tx.cardCountry())
                        .setMerchantKey(tx.merchantKey())
                        .setMerchantCategoryCode(tx.merchantCategoryCode())
                        .setMerchantCountry(tx.merchantCountry())
                        .setChannel(Channel.CHANNEL_POS))
                .setFeatureSet(FeatureSetRef.newBuilder().setName(set.name()).setVersion(set.version())
                        .setFingerprint(set.fingerprint()))
                .build();
    }

    private static float[] toArray(List<Float> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }
}
