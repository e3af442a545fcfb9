package dev.fraudscore.businessapi.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.FixedLimit;
import com.netflix.concurrency.limits.limiter.AbstractLimiter;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import dev.fraudscore.businessapi.domain.CurrencyTable;
import dev.fraudscore.businessapi.domain.DataDomainTranslator;
import dev.fraudscore.businessapi.domain.MutableClock;
import dev.fraudscore.businessapi.domain.RequestDeadline;
import dev.fraudscore.businessapi.domain.ScoreAssembler;
import dev.fraudscore.businessapi.domain.TransactionIdReusedException;
import dev.fraudscore.businessapi.domain.ValidTransaction;
import dev.fraudscore.businessapi.store.IdempotencyStore;
import dev.fraudscore.domain.Channel;
import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.DomainException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Idempotency around the pipeline, per caller, with an in-memory store and in-memory steps. */
class FraudScoreServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeSteps steps = new FakeSteps(clock);
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    private final RecordedMetrics metrics = new RecordedMetrics();
    private final AbstractLimiter<Void> admission = SimpleLimiter.newBuilder().limit(FixedLimit.of(1)).build();
    private final FraudScoreService service = new FraudScoreService(store, new DataDomainTranslator(CurrencyTable.defaults()),
            new ScoringPipeline(steps.catalog, steps.features, steps.model, steps.policy, Duration.ofMillis(40), metrics),
            new ScoreAssembler(Decision.REVIEW), answer -> answer.transactionId() + "|" + answer.score() + "|" + answer.degraded(),
            admission, metrics);

    private static ValidTransaction tx(String id, String amount) {
        return new ValidTransaction(id, NOW, new BigDecimal(amount), "EUR", "tok_1", "424242", "FR", "c-1", "m-1", "5411",
                "FR", Channel.POS, null, null, null, null);
    }

    private String score(String caller, ValidTransaction tx, String fingerprint) {
        try {
            return service.score(caller, tx, fingerprint,
                    RequestDeadline.startingAt(clock.instant(), Duration.ofMillis(300), clock)).join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    @Test
    void theSameRequestAgainGetsTheFirstAnswerWithoutScoringAgain() {
        String first = score("shop", tx("tx-1", "10.00"), "h1");
        steps.model.score = 0.99f;

        assertThat(score("shop", tx("tx-1", "10.00"), "h1")).isEqualTo(first).isEqualTo("tx-1|0.62|false");
        assertThat(steps.features.budgets).hasSize(1);
    }

    @Test
    void anIdReusedByTheSameCallerForAnotherBodyIsRefused() {
        score("shop", tx("tx-1", "10.00"), "h1");

        assertThatThrownBy(() -> score("shop", tx("tx-1", "99.00"), "h2"))
                .isInstanceOf(TransactionIdReusedException.class)
                .hasMessage("transactionId tx-1 was already used for a different transaction; use a new id");
    }

    @Test
    void twoCallersMayUseTheSameIdForDifferentPayments() {
        String shop = score("shop", tx("tx-1", "10.00"), "h1");
        steps.model.score = 0.9f;
        String bank = score("bank", tx("tx-1", "99.00"), "h2");

        assertThat(shop).isEqualTo("tx-1|0.62|false");
        assertThat(bank).isEqualTo("tx-1|0.9|false");
        assertThat(store.entries.keySet()).containsExactlyInAnyOrder(new IdempotencyStore.Key("shop", "tx-1"),
                new IdempotencyStore.Key("bank", "tx-1"));
    }

    @Test
    void aDegradedAnswerIsNotKeptSoARetryGetsARealScore() {
        steps.model.failWith = StepFailure.Kind.UNAVAILABLE;
        assertThat(score("shop", tx("tx-1", "10.00"), "h1")).isEqualTo("tx-1|null|true");

        steps.model.failWith = null;
        assertThat(score("shop", tx("tx-1", "10.00"), "h1")).isEqualTo("tx-1|0.62|false");
        assertThatThrownBy(() -> score("shop", tx("tx-1", "11.00"), "h2")).isInstanceOf(TransactionIdReusedException.class);
    }

    @Test
    void aRefusedTransactionLeavesNoClaimBehind() {
        steps.features.failWith = StepFailure.Kind.REFUSED_INPUT;

        assertThatThrownBy(() -> score("shop", tx("tx-1", "10.00"), "h1")).isInstanceOf(DomainException.class);
        assertThat(store.entries).isEmpty();
    }

    @Test
    void aRequestOverTheLimitIsRefusedBeforeAnyStateOrStepIsTouched() {
        Limiter.Listener another = admission.acquire(null).orElseThrow();

        assertThatThrownBy(() -> score("shop", tx("tx-1", "10.00"), "h1"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.OVERLOADED);
                    assertThat(e.getMessage()).contains("(1)").contains("nothing was recorded")
                            .contains("same transactionId");
                });
        assertThat(store.entries).as("no claim left behind").isEmpty();
        assertThat(steps.features.budgets).isEmpty();
        assertThat(metrics.busy).isEqualTo(1);

        another.onIgnore();
        assertThat(score("shop", tx("tx-1", "10.00"), "h1")).as("the retry is scored as new").isEqualTo("tx-1|0.62|false");
    }

    @Test
    void everyRequestGivesItsPlaceBackHoweverItEnds() {
        score("shop", tx("tx-1", "10.00"), "h1");
        assertThatThrownBy(() -> score("shop", tx("tx-1", "99.00"), "h2")).isInstanceOf(TransactionIdReusedException.class);
        steps.features.failWith = StepFailure.Kind.REFUSED_INPUT;
        assertThatThrownBy(() -> score("shop", tx("tx-2", "10.00"), "h3")).isInstanceOf(DomainException.class);

        assertThat(admission.getInflight()).isZero();
        assertThat(metrics.busy).isZero();
    }

    @Test
    void theAnswerLeavesOnceItIsStoredSoThatARetryFindsIt() {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        IdempotencyStore slowToSave = new IdempotencyStore() {
            @Override
            public Claim claim(Key key, String fingerprint) {
                return store.claim(key, fingerprint);
            }

            @Override
            public CompletableFuture<Void> saveAnswer(Key key, String fingerprint, String answerJson) {
                return stored.thenCompose(done -> store.saveAnswer(key, fingerprint, answerJson));
            }

            @Override
            public CompletableFuture<Void> release(Key key, String fingerprint) {
                return store.release(key, fingerprint);
            }
        };
        FraudScoreService service = new FraudScoreService(slowToSave, new DataDomainTranslator(CurrencyTable.defaults()),
                new ScoringPipeline(steps.catalog, steps.features, steps.model, steps.policy, Duration.ofMillis(40),
                        metrics), new ScoreAssembler(Decision.REVIEW), answer -> answer.transactionId(), admission, metrics);

        CompletableFuture<String> answer = service.score("shop", tx("tx-1", "10.00"), "h1",
                RequestDeadline.startingAt(clock.instant(), Duration.ofMillis(300), clock));

        assertThat(answer).as("every step answered, the save has not").isNotDone();
        assertThat(admission.getInflight()).as("still in flight until answered").isEqualTo(1);
        stored.complete(null);
        assertThat(answer).isCompletedWithValue("tx-1");
        assertThat(store.claim(new IdempotencyStore.Key("shop", "tx-1"), "h1").answerJson()).isEqualTo("tx-1");
        assertThat(admission.getInflight()).isZero();
    }
}
