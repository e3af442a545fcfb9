package dev.fraudscore.testsupport;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A {@link StringRedisTemplate} on {@link TestRedis}, for tests of a Redis store without a Spring context.
 * Close it when done: it owns its connections.
 */
public final class TestRedisTemplate implements AutoCloseable {

    private final LettuceConnectionFactory connections;
    private final StringRedisTemplate template;

    private TestRedisTemplate(LettuceConnectionFactory connections) {
        this.connections = connections;
        this.template = new StringRedisTemplate(connections);
    }

    public static TestRedisTemplate open() {
        TestRedis redis = TestRedis.get();
        LettuceConnectionFactory connections =
                new LettuceConnectionFactory(new RedisStandaloneConfiguration(redis.host(), redis.port()));
        connections.afterPropertiesSet();
        connections.start();
        return new TestRedisTemplate(connections);
    }

    public StringRedisTemplate template() {
        return template;
    }

    /** What this Redis says about its memory. */
    public RedisMemory memory() {
        return new RedisMemory(template);
    }

    @Override
    public void close() {
        connections.destroy();
    }
}
