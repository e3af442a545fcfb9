package dev.fraudscore.businessapi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fraudscore.businessapi.domain.CurrencyTable;
import dev.fraudscore.businessapi.domain.TransactionValidator;
import dev.fraudscore.businessapi.store.IdempotencyStore;
import dev.fraudscore.support.readiness.ReadinessGate;
import jakarta.validation.Validation;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import tools.jackson.databind.json.JsonMapper;

class StartupWarmupTest {

    private final RecordingStore store = new RecordingStore();
    private final ReadinessGate gate = new ReadinessGate("model", "waiting for predict-service");

    private StartupWarmup warmup(Duration wait) {
        CurrencyTable currencies = CurrencyTable.defaults();
        Clock clock = Clock.systemUTC();
        TransactionValidator validator = new TransactionValidator(Validation.buildDefaultValidatorFactory().getValidator(),
                currencies, clock, Duration.ofMinutes(5));
        return new StartupWarmup(validator, currencies, store, gate, wait, JsonMapper.builder().build(), clock);
    }

    @Test
    void keepsThePortClosedUntilTheDownstreamsAreWarm() throws Exception {
        StartupWarmup warmup = warmup(Duration.ofMinutes(1));

        CompletableFuture<Void> starting = CompletableFuture.runAsync(warmup::start);

        await().atMost(Duration.ofSeconds(30)).until(() -> store.claims.get() > 0);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !starting.isDone());
        assertThat(warmup.isRunning()).isFalse();
        gate.ready("model");
        starting.get(10, TimeUnit.SECONDS);
        assertThat(warmup.isRunning()).isTrue();
    }

    @Test
    void opensThePortAfterTheWaitWhenPredictServiceNeverAnswers() {
        StartupWarmup warmup = warmup(Duration.ofMillis(100));

        warmup.start();

        assertThat(warmup.isRunning()).isTrue();
        assertThat(gate.isReady()).isFalse();
    }

    @Test
    void everyWarmUpClaimIsReleasedAndNoAnswerIsStored() {
        gate.ready("model");

        warmup(Duration.ZERO).start();

        assertThat(store.claims.get()).isGreaterThan(1);
        assertThat(store.held).isEmpty();
    }

    @Test
    void runsJustBeforeTheWebServerStarts() {
        assertThat(warmup(Duration.ZERO).getPhase()).isEqualTo(WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1);
    }

    /** Claims every id and remembers which are still held; the warm-up must store no answer. */
    private static final class RecordingStore implements IdempotencyStore {

        final AtomicInteger claims = new AtomicInteger();
        final Set<Key> held = ConcurrentHashMap.newKeySet();

        @Override
        public Claim claim(Key key, String fingerprint) {
            claims.incrementAndGet();
            held.add(key);
            return Claim.of(Claim.Status.CLAIMED);
        }

        @Override
        public CompletableFuture<Void> saveAnswer(Key key, String fingerprint, String answerJson) {
            throw new AssertionError("the warm-up stored an answer for " + key);
        }

        @Override
        public CompletableFuture<Void> release(Key key, String fingerprint) {
            held.remove(key);
            return CompletableFuture.completedFuture(null);
        }
    }
}
