package dev.fraudscore.featureservice.readiness;

import com.google.protobuf.Timestamp;
import dev.fraudscore.contracts.common.v1.Channel;
import dev.fraudscore.contracts.feature.v1.FeatureServiceGrpc;
import dev.fraudscore.contracts.feature.v1.GetFeaturesRequest;
import dev.fraudscore.contracts.feature.v1.Transaction;
import dev.fraudscore.featureservice.store.StoreKeys;
import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.support.proto.DomainProtos;
import dev.fraudscore.support.readiness.WarmupRounds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Sends GetFeatures of every served set to its own gRPC port over a real channel, the sets side by side, each for a
 * throw-away card (loading the Lua scripts into Redis, the JIT, the transport), then deletes those cards' keys; run by a
 * {@link dev.fraudscore.support.readiness.GrpcSelfWarmup} once the server listens, before the gate's "warm-up"
 * condition opens. A cold first request takes longer than business-api's 100 ms budget for features and would be
 * answered degraded; 50 rounds a set still left a restarted feature-service missing it under load (README, Measured).
 */
public final class SelfWarmup {

    private static final Logger log = LoggerFactory.getLogger(SelfWarmup.class);
    private static final int ROUNDS = 200;
    private static final Duration BUDGET = Duration.ofSeconds(30);

    private final List<FeatureSet> sets;
    private final Function<FeatureSet, StoreKeys> keys;
    private final StringRedisTemplate redis;
    private final Clock clock;

    /**
     * @param keys the keys each set's store writes, deleted after the warm-up
     * @param clock the stores' clock: the warm-up's records are deleted from the buckets of the days it ran
     */
    public SelfWarmup(List<FeatureSet> sets, Function<FeatureSet, StoreKeys> keys, StringRedisTemplate redis,
            Clock clock) {
        this.sets = List.copyOf(sets);
        this.keys = keys;
        this.redis = redis;
        this.clock = clock;
    }

    /** @param channel reaches the service's own gRPC port */
    public void warm(io.grpc.Channel channel) {
        String run = "warmup-" + UUID.randomUUID();
        // a throw-away card a set, so that the sets' rounds, side by side, never interleave on one card's history;
        // a transaction served from one set is also recorded in the others that count labels: delete every set's
        // keys of every warm-up transaction
        Map<FeatureSet, Queue<String>> transactions = new LinkedHashMap<>();
        sets.forEach(set -> transactions.put(set, new ConcurrentLinkedQueue<>()));
        Instant started = clock.instant().minusSeconds(ROUNDS);
        FeatureServiceGrpc.FeatureServiceBlockingStub stub = FeatureServiceGrpc.newBlockingStub(channel);
        // the sets side by side, a thread each: both cores are busy at once
        ExecutorService threads = Executors.newFixedThreadPool(sets.size(), task -> {
            Thread thread = new Thread(task, "feature-warmup-set");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CompletableFuture.allOf(sets.stream()
                    .map(set -> CompletableFuture.runAsync(
                            () -> warm(stub, set, run + "-" + set.id(), transactions.get(set)), threads))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            threads.shutdown();
            // each throw-away card is its own merchant too: no real merchant's state moves
            List<StoreKeys> stores = sets.stream().map(keys).toList();
            transactions.forEach((set, written) ->
                    deleteQuietly(stores, run + "-" + set.id(), List.copyOf(written), started));
        }
    }

    private void warm(FeatureServiceGrpc.FeatureServiceBlockingStub stub, FeatureSet set, String card,
            Queue<String> transactions) {
        AtomicInteger round = new AtomicInteger();
        WarmupRounds.run("GetFeatures of " + set.id(), ROUNDS, BUDGET, () -> {
            int i = round.getAndIncrement();
            String tx = card + "-" + i;
            transactions.add(tx);
            stub.withDeadlineAfter(5, TimeUnit.SECONDS).getFeatures(request(set, card, tx, i, clock));
        });
    }

    private static GetFeaturesRequest request(FeatureSet set, String card, String tx, int i, Clock clock) {
        Instant at = clock.instant().minusSeconds(ROUNDS - i);
        return GetFeaturesRequest.newBuilder()
                .setFeatureSet(DomainProtos.toProto(set.ref()))
                .setTransaction(Transaction.newBuilder().setTransactionId(tx).setCardKey(card).setMerchantKey(card)
                        .setAmountMinor(100).setBaseCurrency(set.amountCurrency()).setChannel(Channel.CHANNEL_POS)
                        .setOccurredAt(Timestamp.newBuilder().setSeconds(at.getEpochSecond())))
                .build();
    }

    private void deleteQuietly(List<StoreKeys> stores, String card, List<String> transactions, Instant started) {
        try {
            StoreKeys.deleteWritten(redis, stores, card, card, transactions, started, clock.instant());
        } catch (RuntimeException e) {
            log.warn("Could not delete the warm-up keys ({}); they expire on their own", e.getMessage());
        }
    }
}
