package dev.fraudscore.featureservice;

import com.google.protobuf.Timestamp;
import dev.fraudscore.contracts.common.v1.Channel;
import dev.fraudscore.contracts.common.v1.FeatureSetRef;
import dev.fraudscore.contracts.feature.v1.GetFeaturesRequest;
import dev.fraudscore.contracts.feature.v1.Transaction;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcPort;

/** A test of the running service over gRPC: a plaintext channel to its port for each test. */
abstract class GrpcClientIT {

    @LocalGrpcPort
    int grpcPort;

    ManagedChannel channel;

    @BeforeEach
    void connect() {
        channel = NettyChannelBuilder.forAddress("127.0.0.1", grpcPort).usePlaintext().build();
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    /** A GetFeatures of {@code fraud_v1} for a 1 EUR ATM payment of {@code card}. */
    static GetFeaturesRequest atmPayment(String id, String card) {
        return GetFeaturesRequest.newBuilder()
                .setTransaction(Transaction.newBuilder()
                        .setTransactionId(id)
                        .setOccurredAt(Timestamp.newBuilder().setSeconds(1_775_000_000L))
                        .setAmountMinor(100)
                        .setBaseCurrency("EUR")
                        .setCardKey(card)
                        .setMerchantKey("m-1")
                        .setChannel(Channel.CHANNEL_ATM))
                .setFeatureSet(FeatureSetRef.newBuilder().setName("fraud").setVersion(1))
                .build();
    }
}
