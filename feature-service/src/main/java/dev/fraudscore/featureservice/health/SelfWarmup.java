package dev.fraudscore.featureservice.health;

import com.google.protobuf.Timestamp;
import dev.fraudscore.contracts.common.v1.Channel;
import dev.fraudscore.contracts.common.v1.FeatureSetRef;
import dev.fraudscore.contracts.feature.v1.FeatureServiceGrpc;
import dev.fraudscore.contracts.feature.v1.GetFeaturesRequest;
import dev.fraudscore.contracts.feature.v1.Transaction;
import dev.fraudscore.featureservice.config.FeatureServiceProperties;
import dev.fraudscore.featureservice.store.CardKeys;
import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.features.FeatureSets;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;
import org.springframework.stereotype.Component;

/**
 * Health component "warmup": once the gRPC server listens, sends GetFeatures to itself over a real
 * channel for a throw-away card (loading the Lua script into Redis, the JIT, the transport), then deletes
 * that card's keys. Until then the service is not ready: a cold first request takes longer than
 * business-api's 100 ms budget for features and would be answered degraded.
 */
@Component
public class SelfWarmup implements ApplicationListener<GrpcServerStartedEvent>, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(SelfWarmup.class);
    private static final int ROUNDS = 50;

    private final FeatureServiceProperties properties;
    private final StringRedisTemplate redis;
    private volatile boolean done;

    public SelfWarmup(FeatureServiceProperties properties, StringRedisTemplate redis) {
        this.properties = properties;
        this.redis = redis;
    }

    @Override
    public void onApplicationEvent(GrpcServerStartedEvent event) {
        if (event.getPort() <= 0) {
            done = true; // an in-process server (tests): no transport to warm
            return;
        }
        Thread thread = new Thread(() -> warm(event.getPort()), "feature-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public Health health() {
        return done ? Health.up().build()
                : Health.outOfService().withDetail("reason", "warming up the request path").build();
    }

    private void warm(int port) {
        long start = System.nanoTime();
        String card = "warmup-" + UUID.randomUUID();
        List<String> written = new ArrayList<>();
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try {
            FeatureServiceGrpc.FeatureServiceBlockingStub stub = FeatureServiceGrpc.newBlockingStub(channel);
            for (String id : properties.featureSets()) {
                FeatureSet set = FeatureSets.find(id).orElseThrow();
                CardKeys keys = new CardKeys(properties.keyPrefix(), set.id());
                written.add(keys.window(card));
                written.add(keys.merchants(card));
                for (int i = 0; i < ROUNDS; i++) {
                    String tx = card + "-" + i;
                    written.add(keys.transaction(card, tx));
                    stub.withDeadlineAfter(5, TimeUnit.SECONDS).getFeatures(request(set, card, tx, i));
                }
            }
            log.info("Warmed up the request path in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            log.warn("Warm-up failed ({}); the first requests may be slow", e.getMessage());
        } finally {
            channel.shutdownNow();
            deleteQuietly(written);
            done = true;
        }
    }

    private static GetFeaturesRequest request(FeatureSet set, String card, String tx, int i) {
        Instant at = Instant.now().minusSeconds(ROUNDS - i);
        return GetFeaturesRequest.newBuilder()
                .setFeatureSet(FeatureSetRef.newBuilder().setName(set.name()).setVersion(set.version()))
                .setTransaction(Transaction.newBuilder().setTransactionId(tx).setCardKey(card).setMerchantKey("warmup")
                        .setAmountMinor(100).setBaseCurrency("EUR").setChannel(Channel.POS)
                        .setOccurredAt(Timestamp.newBuilder().setSeconds(at.getEpochSecond())))
                .build();
    }

    private void deleteQuietly(List<String> keys) {
        try {
            redis.delete(keys);
        } catch (RuntimeException e) {
            log.warn("Could not delete the warm-up keys ({}); they expire on their own", e.getMessage());
        }
    }
}
