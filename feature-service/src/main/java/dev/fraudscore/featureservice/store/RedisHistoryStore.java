package dev.fraudscore.featureservice.store;

import dev.fraudscore.domain.DayBuckets;
import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.features.HistoryStore;
import dev.fraudscore.features.HistoryWindows;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * The serving history store: the semantics of feature-core's {@code InMemoryHistoryStore} in one
 * atomic Lua script per transaction (one round trip; EVALSHA, EVAL when Redis does not know the script yet).
 */
public final class RedisHistoryStore implements HistoryStore {

    private static final RedisScript<byte[]> OBSERVE = StoreScripts.observing("scripts/observe-card-history.lua");

    private final StringRedisTemplate redis;
    private final CardKeys keys;
    private final HistoryTtls ttls;
    private final Clock clock;
    private final String storeAddress;

    /**
     * @param clock when a transaction arrives: the day of the transaction cache's bucket
     * @param storeAddress where Redis is, in words, for the caller's error, e.g. {@code Redis at localhost:6379}
     */
    public RedisHistoryStore(StringRedisTemplate redis, CardKeys keys, HistoryTtls ttls, Clock clock,
            String storeAddress) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.ttls = Objects.requireNonNull(ttls, "ttls");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.storeAddress = Objects.requireNonNull(storeAddress, "storeAddress");
    }

    @Override
    public Observation observe(FeatureTransaction tx) {
        ScriptCall<Observation> call = observeCall(tx);
        byte[] reply;
        try {
            reply = redis.execute(OBSERVE, RedisSerializer.string(), RedisSerializer.byteArray(), call.keys(),
                    call.args().toArray());
        } catch (DataAccessException e) {
            throw RedisFailures.unavailable(storeAddress, e).orElseThrow(() -> e);
        }
        return call.reply().apply(reply);
    }

    /** The observation of {@code tx}, prepared: sent by {@link #observe}, or pipelined with other sets'. */
    ScriptCall<Observation> observeCall(FeatureTransaction tx) {
        long t = tx.occurredAtMillis();
        long now = clock.millis();
        // window bounds are computed here, in longs: Lua would print large numbers in floating point
        return new ScriptCall<>(OBSERVE, keys.forTransaction(tx.cardKey(), tx.transactionId(), now,
                ttls.transactionCache()), List.of(
                Long.toString(t),
                Long.toString(t - HistoryWindows.SHORT.toMillis()),
                Long.toString(t - HistoryWindows.LONG.toMillis()),
                tx.transactionId() + ":" + tx.amountMinor(),
                tx.merchantKey(),
                Long.toString(ttls.window().toMillis()),
                Long.toString(ttls.merchants().toMillis()),
                Long.toString(DayBuckets.expiry(now, ttls.transactionCache())),
                tx.transactionId()), ObservationReply::parse);
    }
}
