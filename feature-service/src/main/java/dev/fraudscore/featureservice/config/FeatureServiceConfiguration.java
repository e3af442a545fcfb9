package dev.fraudscore.featureservice.config;

import dev.fraudscore.featureservice.domain.ServedFeatureSets;
import dev.fraudscore.featureservice.readiness.FeatureStoreProbe;
import dev.fraudscore.featureservice.readiness.SelfWarmup;
import dev.fraudscore.featureservice.store.RedisFeatureStores;
import dev.fraudscore.support.readiness.GrpcSelfWarmup;
import dev.fraudscore.support.readiness.ReadinessGate;
import java.time.Clock;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The readiness of the service: warm-up over its own gRPC port, and Redis answering. */
@Configuration(proxyBeanMethods = false)
@Import(FeatureStoreConfiguration.class)
public class FeatureServiceConfiguration {

    /** When a transaction arrives: the day of its transaction cache bucket; tests replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Ready once the request path is warm and while Redis answers. */
    @Bean
    ReadinessGate readinessGate() {
        return new ReadinessGate(GrpcSelfWarmup.CONDITION, "warming up the request path",
                FeatureStoreProbe.CONDITION, "the feature store has not answered yet");
    }

    @Bean
    GrpcSelfWarmup selfWarmup(ServedFeatureSets sets, RedisFeatureStores stores, StringRedisTemplate redis,
            ReadinessGate gate, Clock clock) {
        return new GrpcSelfWarmup(gate, "feature-warmup",
                new SelfWarmup(sets.all(), stores::keysOf, redis, clock)::warm);
    }

    @Bean(destroyMethod = "close")
    FeatureStoreProbe featureStoreProbe(StringRedisTemplate redis, ReadinessGate gate,
            DataRedisConnectionDetails redisDetails, FeatureServiceProperties properties) {
        return new FeatureStoreProbe(redis, gate, RedisAddress.describe(redisDetails), properties.storeProbePeriod());
    }
}
