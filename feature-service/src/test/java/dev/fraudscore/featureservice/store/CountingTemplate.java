package dev.fraudscore.featureservice.store;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/** A template over the same connections that counts its callbacks: one callback is one round trip to Redis. */
final class CountingTemplate extends StringRedisTemplate {

    private final AtomicInteger callbacks = new AtomicInteger();

    CountingTemplate(StringRedisTemplate redis) {
        super(redis.getConnectionFactory());
        afterPropertiesSet();
    }

    int callbacks() {
        return callbacks.get();
    }

    @Override
    public <T> T execute(RedisCallback<T> action, boolean exposeConnection, boolean pipeline) {
        callbacks.incrementAndGet();
        return super.execute(action, exposeConnection, pipeline);
    }
}
