package dev.fraudscore.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

class RedisConnectionOpenerTest {

    final ReactiveRedisConnectionFactory redis = mock(ReactiveRedisConnectionFactory.class);

    @Test
    void opensTheConnectionOnAThreadOfItsOwnAndSaysNoUntilItIsOpen() {
        CountDownLatch connected = new CountDownLatch(1);
        AtomicReference<String> openedOn = new AtomicReference<>();
        when(redis.getReactiveConnection()).thenAnswer(call -> {
            openedOn.set(Thread.currentThread().getName());
            connected.await();
            return mock(ReactiveRedisConnection.class);
        });

        try (RedisConnectionOpener opener = new RedisConnectionOpener(redis, Duration.ZERO)) {
            assertThat(opener.getAsBoolean()).as("asked while the connect is under way").isFalse();
            connected.countDown();

            Awaitility.await().atMost(Duration.ofSeconds(10)).until(opener::getAsBoolean);
            assertThat(openedOn.get()).isEqualTo("redis-connect");
            verify(redis, times(1)).getReactiveConnection();
        }
    }

    @Test
    void triesAgainWhenAskedAfterTheRetryDelay() {
        when(redis.getReactiveConnection()).thenThrow(new RedisConnectionFailureException("Connection refused"))
                .thenReturn(mock(ReactiveRedisConnection.class));

        try (RedisConnectionOpener opener = new RedisConnectionOpener(redis, Duration.ZERO)) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(opener::getAsBoolean);
            verify(redis, times(2)).getReactiveConnection();
        }
    }

    @Test
    void doesNotTryAgainBeforeTheRetryDelay() {
        when(redis.getReactiveConnection()).thenThrow(new RedisConnectionFailureException("Connection refused"));

        try (RedisConnectionOpener opener = new RedisConnectionOpener(redis, Duration.ofHours(1))) {
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> verify(redis, times(1)).getReactiveConnection());
            for (int i = 0; i < 10; i++) {
                assertThat(opener.getAsBoolean()).isFalse();
            }
            verify(redis, times(1)).getReactiveConnection();
        }
    }
}
