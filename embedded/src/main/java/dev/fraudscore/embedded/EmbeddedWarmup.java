package dev.fraudscore.embedded;

import dev.fraudscore.businessapi.config.ApiProperties;
import dev.fraudscore.businessapi.domain.CurrencyTable;
import dev.fraudscore.businessapi.domain.DataTransaction;
import dev.fraudscore.businessapi.domain.RequestDeadline;
import dev.fraudscore.businessapi.pipeline.ScoringPipeline;
import dev.fraudscore.domain.Channel;
import dev.fraudscore.featureservice.domain.ServedFeatureSets;
import dev.fraudscore.featureservice.store.RedisFeatureStores;
import dev.fraudscore.featureservice.store.StoreKeys;
import dev.fraudscore.support.readiness.BeforePortOpens;
import dev.fraudscore.support.readiness.ReadinessGate;
import dev.fraudscore.support.readiness.WarmupRounds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs whole transactions through the in-process pipeline (feature store in Redis, model, policy) for a
 * throw-away card once the default model is servable, then deletes that card's keys. It runs in the lifecycle
 * phase just before the web server's, so the port opens only after it and no caller meets a cold pipeline, as in
 * the decomposed deployment where each service warms itself. It waits for the model at most
 * {@code fraudscore.api.warmup-wait}, as business-api waits for predict-service.
 */
@Component
class EmbeddedWarmup extends BeforePortOpens {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedWarmup.class);

    private final ReadinessGate gate;
    private final ScoringPipeline pipeline;
    private final ServedFeatureSets sets;
    private final RedisFeatureStores stores;
    private final CurrencyTable currencies;
    private final StringRedisTemplate redis;
    private final Clock clock;
    private final Duration wait;

    EmbeddedWarmup(ReadinessGate gate, ScoringPipeline pipeline, ServedFeatureSets sets, RedisFeatureStores stores,
            CurrencyTable currencies, StringRedisTemplate redis, Clock clock, ApiProperties properties) {
        this.gate = gate;
        this.pipeline = pipeline;
        this.sets = sets;
        this.stores = stores;
        this.currencies = currencies;
        this.redis = redis;
        this.clock = clock;
        this.wait = properties.warmupWait();
    }

    @Override
    protected void beforePortOpens() {
        try {
            if (!gate.awaitReady(wait)) {
                log.warn("The default model is not servable after {} ms (fraudscore.api.warmup-wait): opening the port "
                        + "with the pipeline cold", wait.toMillis());
            } else {
                warm();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void warm() {
        String card = "warmup-" + UUID.randomUUID();
        Instant started = clock.instant();
        List<String> written = new ArrayList<>();
        try {
            WarmupRounds.run("the in-process pipeline", 100, Duration.ofSeconds(30), () -> {
                String id = card + "-" + written.size();
                written.add(id);
                pipeline.run(transaction(id, card), RequestDeadline.startingAt(clock.instant(), Duration.ofSeconds(2), clock))
                        .join();
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
