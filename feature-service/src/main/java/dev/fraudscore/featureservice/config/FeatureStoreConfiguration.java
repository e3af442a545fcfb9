package dev.fraudscore.featureservice.config;

import dev.fraudscore.featureservice.domain.FeatureComputer;
import dev.fraudscore.featureservice.domain.ServedFeatureSets;
import dev.fraudscore.featureservice.store.RedisFeatureStores;
import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.features.FeatureStore;
import java.time.Clock;
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
 * serves them. Used by feature-service behind its gRPC endpoint and by the embedded deployment in-process, each of
 * which brings the {@link Clock} (feature-service's {@code FeatureServiceConfiguration}, embedded's request path).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeatureServiceProperties.class)
public class FeatureStoreConfiguration {

    @Bean
    ServedFeatureSets servedFeatureSets(FeatureServiceProperties properties) {
        return ServedFeatureSets.of(properties.featureSets());
    }

    @Bean
    RedisFeatureStores redisFeatureStores(FeatureServiceProperties properties, StringRedisTemplate redis,
            Clock clock, DataRedisConnectionDetails redisDetails) {
        return new RedisFeatureStores(redis, properties.keyPrefix(), properties.historyTtls(), clock,
                RedisAddress.describe(redisDetails));
    }

    @Bean
    FeatureComputer featureComputer(ServedFeatureSets sets, RedisFeatureStores redisStores,
            FeatureServiceProperties properties) {
        // each set keeps its own state, so a new set version never reads state shaped by another
        Map<String, FeatureStore> stores = sets.all().stream()
                .collect(Collectors.toUnmodifiableMap(FeatureSet::id, redisStores::storeOf));
        Function<FeatureSet, FeatureStore> storeOf = set -> stores.get(set.id());
        return new FeatureComputer(sets, storeOf, redisStores, properties.recordInLabelSets());
    }
}
