package dev.fraudscore.featureservice.store;

import dev.fraudscore.features.AggregateFeatureSet;
import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.features.FeatureStore;
import dev.fraudscore.features.FeatureStores;
import java.util.Objects;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Each feature set's store in Redis, in the set's own key namespace ({@code {prefix}{setId}:...}), so a set never
 * reads state shaped by another and a new set never moves an old one's keys.
 */
public final class RedisFeatureStores {

    private final StringRedisTemplate redis;
    private final String prefix;
    private final HistoryTtls ttls;
    private final String address;

    /** @param address where Redis is, in words, for the caller's error */
    public RedisFeatureStores(StringRedisTemplate redis, String prefix, HistoryTtls ttls, String address) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.ttls = Objects.requireNonNull(ttls, "ttls");
        this.address = Objects.requireNonNull(address, "address");
    }

    public FeatureStore storeOf(FeatureSet set) {
        return FeatureStores.of(set,
                () -> new RedisHistoryStore(redis, new CardKeys(prefix, set.id()), ttls, address),
                spec -> new RedisAggregateStore(redis, new AggregateKeys(prefix, set.id(), spec),
                        ttls.transactionCache(), address));
    }

    public StoreKeys keysOf(FeatureSet set) {
        return set instanceof AggregateFeatureSet declared
                ? new AggregateKeys(prefix, set.id(), declared.state())
                : new CardKeys(prefix, set.id());
    }
}
