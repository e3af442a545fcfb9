package dev.fraudscore.gateway;

import dev.fraudscore.testsupport.FreePorts;
import dev.fraudscore.testsupport.TestRedis;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Where a gateway under test keeps its rate limiter's buckets: never the Redis of a running system. */
final class GatewayRedis {

    private GatewayRedis() {
    }

    /** The tests' Redis, with buckets no other test shares. */
    static void privateBuckets(DynamicPropertyRegistry registry) {
        TestRedis redis = TestRedis.get();
        registry.add("spring.data.redis.host", redis::host);
        registry.add("spring.data.redis.port", redis::port);
        registry.add("fraudscore.gateway.rate-limit.key-prefix", TestRedis::uniquePrefix);
    }

    /** A Redis address where nothing listens. */
    static void unreachable(DynamicPropertyRegistry registry) {
        int dead = FreePorts.next();
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> dead);
    }
}
