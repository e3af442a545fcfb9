package dev.fraudscore.featureservice.config;

import dev.fraudscore.featureservice.domain.FeatureComputer;
import dev.fraudscore.featureservice.domain.ServedFeatureSets;
import dev.fraudscore.featureservice.store.CardKeys;
import dev.fraudscore.featureservice.store.HistoryTtls;
import dev.fraudscore.featureservice.store.RedisHistoryStore;
import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.features.HistoryStore;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The feature store: the served feature sets, each with its own Redis history store, and the computer that
 * serves them. Used by feature-service behind its gRPC endpoint and by the embedded deployment in-process.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeatureServiceProperties.class)
public class FeatureStoreConfiguration {

    @Bean
    ServedFeatureSets servedFeatureSets(FeatureServiceProperties properties) {
        return ServedFeatureSets.of(properties.featureSets());
    }

    @Bean
    FeatureComputer featureComputer(ServedFeatureSets sets, FeatureServiceProperties properties,
            StringRedisTemplate redis, DataRedisConnectionDetails redisDetails) {
        HistoryTtls ttls = properties.historyTtls();
        String address = RedisAddress.describe(redisDetails);
        // each set keeps its own aggregates, so a new set version never reads state shaped by another
        Map<String, HistoryStore> stores = sets.all().stream().collect(Collectors.toUnmodifiableMap(
                FeatureSet::id,
                set -> new RedisHistoryStore(redis, new CardKeys(properties.keyPrefix(), set.id()), ttls, address)));
        Function<FeatureSet, HistoryStore> storeOf = set -> stores.get(set.id());
        return new FeatureComputer(sets, storeOf);
    }
}
