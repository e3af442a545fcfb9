package dev.fraudscore.featureservice;

import dev.fraudscore.testsupport.TestRedis;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a feature-service under test at the test Redis, under its own key prefix. */
final class TestRedisProperties {

    private TestRedisProperties() {
    }

    static void register(DynamicPropertyRegistry registry, String keyPrefix) {
        TestRedis redis = TestRedis.get();
        registry.add("spring.data.redis.host", redis::host);
        registry.add("spring.data.redis.port", redis::port);
        registry.add("fraudscore.features.key-prefix", () -> keyPrefix);
    }
}
