package dev.fraudscore.featureservice.store;

import dev.fraudscore.featureservice.domain.SetsObserver;
import dev.fraudscore.features.AggregateFeatureSet;
import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.features.FeatureStore;
import dev.fraudscore.features.FeatureStore.Observed;
import dev.fraudscore.features.FeatureStores;
import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.features.FraudV1;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Each feature set's store in Redis, in the set's own key namespace ({@code {prefix}{setId}:...}), so a set never
 * reads state shaped by another and a new set never moves an old one's keys. Observing a transaction in several
 * sets sends their scripts in one pipeline: one round trip, whatever the number of sets.
 */
public final class RedisFeatureStores implements SetsObserver {

    private final StringRedisTemplate redis;
    private final String prefix;
    private final HistoryTtls ttls;
    private final Clock clock;
    private final String address;
    private final PipelinedScripts pipeline;
    private final Map<String, RedisHistoryStore> histories = new ConcurrentHashMap<>();
    private final Map<String, RedisAggregateStore> aggregates = new ConcurrentHashMap<>();

    /**
     * @param clock when a transaction arrives (the system clock in production): the day of its transaction cache
     *     bucket
     * @param address where Redis is, in words, for the caller's error
     */
    public RedisFeatureStores(StringRedisTemplate redis, String prefix, HistoryTtls ttls, Clock clock,
            String address) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.ttls = Objects.requireNonNull(ttls, "ttls");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.address = Objects.requireNonNull(address, "address");
        this.pipeline = new PipelinedScripts(redis, address);
    }

    public FeatureStore storeOf(FeatureSet set) {
        return FeatureStores.of(set, () -> historyStore(set), spec -> aggregateStore((AggregateFeatureSet) set));
    }

    public StoreKeys keysOf(FeatureSet set) {
        return set instanceof AggregateFeatureSet declared
                ? new AggregateKeys(prefix, set.id(), declared.state())
                : new CardKeys(prefix, set.id());
    }

    @Override
    public List<Observed> observe(List<FeatureSet> sets, FeatureTransaction tx) {
        return pipeline.execute(observeCalls(sets, tx)).stream().map(Observed.class::cast).toList();
    }

    @Override
    public CompletableFuture<List<Observed>> observeAsync(List<FeatureSet> sets, FeatureTransaction tx) {
        List<ScriptCall<?>> calls;
        try {
            calls = observeCalls(sets, tx);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return pipeline.executeAsync(calls).thenApply(replies -> replies.stream().map(Observed.class::cast).toList());
    }

    private List<ScriptCall<?>> observeCalls(List<FeatureSet> sets, FeatureTransaction tx) {
        List<ScriptCall<?>> calls = new ArrayList<>(sets.size());
        for (FeatureSet set : sets) {
            calls.add(observeCall(set, tx));
        }
        return calls;
    }

    /** The set's observation as one script call whose reply reads as the set's vector. */
    private ScriptCall<Observed> observeCall(FeatureSet set, FeatureTransaction tx) {
        if (set instanceof AggregateFeatureSet declared) {
            ScriptCall<RedisAggregateStore.Observation> call = aggregateStore(declared).observeCall(tx);
            return new ScriptCall<>(call.script(), call.keys(), call.args(), reply -> {
                RedisAggregateStore.Observation seen = call.reply().apply(reply);
                return new Observed(declared.compute(tx, seen.state()), seen.replayed());
            });
        }
        if (set instanceof FraudV1 fraudV1) {
            ScriptCall<RedisHistoryStore.Observation> call = historyStore(set).observeCall(tx);
            return new ScriptCall<>(call.script(), call.keys(), call.args(), reply -> {
                RedisHistoryStore.Observation seen = call.reply().apply(reply);
                return new Observed(fraudV1.compute(tx, seen.history()), seen.replayed());
            });
        }
        throw new IllegalArgumentException("feature set " + set.id() + " declares no state");
    }

    private RedisHistoryStore historyStore(FeatureSet set) {
        return histories.computeIfAbsent(set.id(),
                id -> new RedisHistoryStore(redis, new CardKeys(prefix, id), ttls, clock, address));
    }

    private RedisAggregateStore aggregateStore(AggregateFeatureSet set) {
        return aggregates.computeIfAbsent(set.id(), id -> new RedisAggregateStore(redis,
                new AggregateKeys(prefix, id, set.state()), ttls.transactionCache(), clock, address));
    }
}
