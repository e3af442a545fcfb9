package dev.fraudscore.featureservice.config;

import dev.fraudscore.featureservice.domain.FeatureComputer;
import dev.fraudscore.featureservice.domain.ServedFeatureSets;
import dev.fraudscore.featureservice.readiness.FeatureStoreProbe;
import dev.fraudscore.featureservice.readiness.SelfWarmup;
import dev.fraudscore.featureservice.store.CardKeys;
import dev.fraudscore.featureservice.store.HistoryTtls;
import dev.fraudscore.featureservice.store.RedisHistoryStore;
import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.features.HistoryStore;
import dev.fraudscore.support.readiness.ReadinessGate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Wires the served feature sets to one Redis history store each, and the readiness of the service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeatureServiceProperties.class)
public class FeatureServiceConfiguration {

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

    /** Ready once the request path is warm and while Redis answers. */
    @Bean
    ReadinessGate readinessGate() {
        return new ReadinessGate(SelfWarmup.CONDITION, "warming up the request path",
                FeatureStoreProbe.CONDITION, "the feature store has not answered yet");
    }

    @Bean
    SelfWarmup selfWarmup(ServedFeatureSets sets, FeatureServiceProperties properties, StringRedisTemplate redis,
            ReadinessGate gate) {
        return new SelfWarmup(sets.all(), properties.keyPrefix(), redis, gate);
    }

    @Bean(destroyMethod = "close")
    FeatureStoreProbe featureStoreProbe(StringRedisTemplate redis, ReadinessGate gate,
            DataRedisConnectionDetails redisDetails, FeatureServiceProperties properties) {
        return new FeatureStoreProbe(redis, gate, RedisAddress.describe(redisDetails), properties.storeProbePeriod());
    }
}
