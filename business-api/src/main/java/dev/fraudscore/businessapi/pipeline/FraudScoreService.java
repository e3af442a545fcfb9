package dev.fraudscore.businessapi.pipeline;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limiter.AbstractLimiter;
import dev.fraudscore.businessapi.domain.DataDomainTranslator;
import dev.fraudscore.businessapi.domain.FraudScore;
import dev.fraudscore.businessapi.domain.RequestDeadline;
import dev.fraudscore.businessapi.domain.ScoreAssembler;
import dev.fraudscore.businessapi.domain.TransactionIdReusedException;
import dev.fraudscore.businessapi.domain.ValidTransaction;
import dev.fraudscore.businessapi.store.IdempotencyStore;
import dev.fraudscore.businessapi.store.IdempotencyStore.Claim;
import dev.fraudscore.domain.DomainException;
import dev.fraudscore.support.concurrent.FutureFailures;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Scores a validated transaction once per caller and id: replays a stored answer, refuses an id the same
 * caller reused for another body, otherwise runs the pipeline and stores the answer when it is complete.
 * Two callers' ids never meet. Degraded answers are not stored, so a retry after an outage gets a real
 * score; their claim is kept, so a different body under the same id is still refused.
 * <p>
 * A limit bounds how many requests are scored at once: past it a request is refused at once, before it touches Redis
 * or a downstream, so it leaves no claim and moves no aggregate, and a retry is scored as new. Each answer's time is
 * the limit's sample, so an adaptive limit ({@code fraudscore.api.admission}) falls as answers slow down under a queue.
 */
public final class FraudScoreService {

    private final IdempotencyStore idempotency;
    private final DataDomainTranslator translator;
    private final ScoringPipeline pipeline;
    private final ScoreAssembler assembler;
    private final Function<FraudScore, String> answerJson;
    private final AbstractLimiter<Void> admission;
    private final PipelineMetrics metrics;

    /**
     * @param answerJson how an answer is written, once: a replay returns these bytes again
     * @param admission  how many requests may be scored at once
     */
    public FraudScoreService(IdempotencyStore idempotency, DataDomainTranslator translator, ScoringPipeline pipeline,
            ScoreAssembler assembler, Function<FraudScore, String> answerJson, AbstractLimiter<Void> admission,
            PipelineMetrics metrics) {
        this.idempotency = idempotency;
        this.translator = translator;
        this.pipeline = pipeline;
        this.assembler = assembler;
        this.answerJson = answerJson;
        this.admission = admission;
        this.metrics = metrics;
    }

    /**
     * Claims the id on the caller's thread, then lets the answers of the steps carry the request on: the returned
     * future completes where the last of them arrives.
     *
     * @param caller      who sent it (the gateway's {@code X-Caller}); ids are unique per caller
     * @param fingerprint the request's canonical hash, to tell a retry from an id reused for another body
     * @return the answer as JSON, byte for byte the same when replayed; completes with a {@link DomainException} when
     *         the id was used for another body or feature-service refused the transaction (INVALID)
     * @throws DomainException (OVERLOADED) when as many requests as the limit allows are being scored
     */
    public CompletableFuture<String> score(String caller, ValidTransaction tx, String fingerprint,
            RequestDeadline deadline) {
        Optional<Limiter.Listener> permit = admission.acquire(null);
        if (permit.isEmpty()) {
            metrics.busy();
            throw new DomainException(DomainException.Kind.OVERLOADED, "This service is already scoring as many"
                    + " transactions as it may at once (" + admission.getLimit()
                    + "); nothing was recorded for this one. Retry after the Retry-After delay with the same transactionId.");
        }
        CompletableFuture<String> answer;
        try {
            answer = scoreOnce(caller, tx, fingerprint, deadline);
        } catch (RuntimeException e) {
            permit.get().onIgnore();
            throw e;
        }
        // an answer's time is a sample of the limit; a refusal's (an id reused, an invalid transaction) is not
        return answer.whenComplete((body, error) -> {
            if (error == null) {
                permit.get().onSuccess();
            } else {
                permit.get().onIgnore();
            }
        });
    }

    private CompletableFuture<String> scoreOnce(String caller, ValidTransaction tx, String fingerprint,
            RequestDeadline deadline) {
        IdempotencyStore.Key key = new IdempotencyStore.Key(caller, tx.transactionId());
        var dataDomain = translator.toDataDomain(tx);
        Claim claim = idempotency.claim(key, fingerprint);
        switch (claim.status()) {
            case ANSWERED:
                return CompletableFuture.completedFuture(claim.answerJson());
            case CONFLICT:
                throw new TransactionIdReusedException(tx.transactionId());
            default:
                break;
        }
        return pipeline.run(dataDomain, deadline)
                .thenApply(assembler::assemble)
                .handle((answer, refusedOrBroken) -> refusedOrBroken == null ? kept(key, fingerprint, claim, answer)
                        : released(key, fingerprint, claim, refusedOrBroken))
                .thenCompose(Function.identity());
    }

    /** The answer's JSON, once stored when it is whole and the claim is ours. */
    private CompletableFuture<String> kept(IdempotencyStore.Key key, String fingerprint, Claim claim, FraudScore answer) {
        String body = answerJson.apply(answer);
        if (!answer.degraded() && claim.holdsId()) {
            return idempotency.saveAnswer(key, fingerprint, body).thenApply(saved -> body);
        }
        return CompletableFuture.completedFuture(body);
    }

    /** Fails with the refusal (or the bug) once the claim is dropped, so that the request leaves nothing behind. */
    private CompletableFuture<String> released(IdempotencyStore.Key key, String fingerprint, Claim claim,
            Throwable refusedOrBroken) {
        Throwable cause = FutureFailures.cause(refusedOrBroken);
        CompletableFuture<Void> released = claim.holdsId() ? idempotency.release(key, fingerprint)
                : CompletableFuture.completedFuture(null);
        return released.thenCompose(done -> CompletableFuture.failedFuture(cause));
    }
}
