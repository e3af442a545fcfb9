package dev.fraudscore.embedded;

import dev.fraudscore.businessapi.domain.CurrencyTable;
import dev.fraudscore.businessapi.domain.DataTransaction;
import dev.fraudscore.businessapi.domain.RequestDeadline;
import dev.fraudscore.businessapi.pipeline.ScoringPipeline;
import dev.fraudscore.domain.Channel;
import dev.fraudscore.featureservice.domain.ServedFeatureSets;
import dev.fraudscore.featureservice.store.RedisFeatureStores;
import dev.fraudscore.featureservice.store.StoreKeys;
import dev.fraudscore.support.readiness.ReadinessGate;
import dev.fraudscore.support.readiness.WarmupRounds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs whole transactions through the in-process pipeline (feature store in Redis, model, policy) for a
 * throw-away card once the default model is servable, then deletes that card's keys. Spring reports the
 * application ready only after its runners, so no caller meets a cold pipeline, as in the decomposed
 * deployment where each service warms itself.
 */
@Component
class EmbeddedWarmup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedWarmup.class);
    private static final Duration MODEL_WAIT = Duration.ofMinutes(3);

    private final ReadinessGate gate;
    private final ScoringPipeline pipeline;
    private final ServedFeatureSets sets;
    private final RedisFeatureStores stores;
    private final CurrencyTable currencies;
    private final StringRedisTemplate redis;
    private final Clock clock;

    EmbeddedWarmup(ReadinessGate gate, ScoringPipeline pipeline, ServedFeatureSets sets, RedisFeatureStores stores,
            CurrencyTable currencies, StringRedisTemplate redis, Clock clock) {
        this.gate = gate;
        this.pipeline = pipeline;
        this.sets = sets;
        this.stores = stores;
        this.currencies = currencies;
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        CountDownLatch modelServable = new CountDownLatch(1);
        gate.onChange(ready -> {
            if (ready) {
                modelServable.countDown();
            }
        });
        if (!modelServable.await(MODEL_WAIT.toSeconds(), TimeUnit.SECONDS)) {
            log.warn("The default model is not servable after {} s; the pipeline is not warmed up", MODEL_WAIT.toSeconds());
            return;
        }
        String card = "warmup-" + UUID.randomUUID();
        Instant started = clock.instant();
        List<String> written = new ArrayList<>();
        try {
            WarmupRounds.run("the in-process pipeline", 100, Duration.ofSeconds(30), () -> {
                String id = card + "-" + written.size();
                written.add(id);
                pipeline.run(transaction(id, card), RequestDeadline.startingAt(clock.instant(), Duration.ofSeconds(2), clock));
            });
        } finally {
            deleteKeys(card, written, started);
        }
    }

    private DataTransaction transaction(String id, String card) {
        return new DataTransaction(id, clock.instant(), 100, currencies.base(), card, "424242", "FR", "warmup", "warmup",
                "5411", "FR", Channel.POS, null, null, null, null);
    }

    private void deleteKeys(String card, List<String> transactions, Instant started) {
        try {
            StoreKeys.deleteWritten(redis, sets.all().stream().map(stores::keysOf).toList(), card, "warmup",
                    transactions, started, clock.instant());
        } catch (RuntimeException e) {
            log.warn("Could not delete the warm-up keys ({}); they expire on their own", e.getMessage());
        }
    }
}
