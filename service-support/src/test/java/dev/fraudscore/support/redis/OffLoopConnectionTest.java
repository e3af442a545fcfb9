package dev.fraudscore.support.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class OffLoopConnectionTest {

    final List<String> openedOn = new CopyOnWriteArrayList<>();

    @Test
    void opensOnAThreadOfItsOwnAndIsNotOpenUntilThen() {
        CountDownLatch connected = new CountDownLatch(1);
        OffLoopConnection<String> connection = new OffLoopConnection<>("a test connection", () -> {
            openedOn.add(Thread.currentThread().getName());
            await(connected);
            return "commands";
        }, Duration.ZERO);

        assertThat(connection.isOpen()).as("asked while the connect is under way").isFalse();
        connected.countDown();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(connection::isOpen);
        assertThat(connection.get().join()).isEqualTo("commands");
        assertThat(openedOn).containsExactly("redis-connect");
    }

    @Test
    void triesAgainAfterAFailureOnceTheRetryDelayHasPassed() {
        OffLoopConnection<String> connection = new OffLoopConnection<>("a test connection", () -> {
            openedOn.add(Thread.currentThread().getName());
            if (openedOn.size() == 1) {
                throw new IllegalStateException("Connection refused");
            }
            return "commands";
        }, Duration.ZERO);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(connection::isOpen);
        assertThat(openedOn).hasSize(2);
    }

    @Test
    void doesNotTryAgainBeforeTheRetryDelay() {
        OffLoopConnection<String> connection = new OffLoopConnection<>("a test connection", () -> {
            openedOn.add(Thread.currentThread().getName());
            throw new IllegalStateException("Connection refused");
        }, Duration.ofHours(1));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> connection.get().isCompletedExceptionally());
        for (int i = 0; i < 10; i++) {
            assertThat(connection.isOpen()).isFalse();
        }
        assertThat(openedOn).hasSize(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
