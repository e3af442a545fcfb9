package dev.fraudscore.businessapi.pipeline;

import dev.fraudscore.businessapi.domain.DataDomainTranslator;
import dev.fraudscore.businessapi.domain.FraudScore;
import dev.fraudscore.businessapi.domain.RejectedTransactionException;
import dev.fraudscore.businessapi.domain.RequestDeadline;
import dev.fraudscore.businessapi.domain.ScoreAssembler;
import dev.fraudscore.businessapi.domain.ValidTransaction;
import dev.fraudscore.businessapi.store.IdempotencyStore;
import dev.fraudscore.businessapi.store.IdempotencyStore.Claim;
import dev.fraudscore.contracts.feature.v1.Transaction;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores a validated transaction once per id: replays a stored answer, refuses an id reused for another
 * body, otherwise runs the pipeline and stores the answer when it is complete. Degraded answers are not
 * stored, so a retry after an outage gets a real score; their claim is kept, so a different body under
 * the same id is still refused.
 */
public final class FraudScoreService {

    private final IdempotencyStore idempotency;
    private final DataDomainTranslator translator;
    private final ScoringPipeline pipeline;
    private final ScoreAssembler assembler;
    private final JsonMapper json;

    public FraudScoreService(IdempotencyStore idempotency, DataDomainTranslator translator, ScoringPipeline pipeline,
            ScoreAssembler assembler, JsonMapper json) {
        this.idempotency = idempotency;
        this.translator = translator;
        this.pipeline = pipeline;
        this.assembler = assembler;
        this.json = json;
    }

    /**
     * @param fingerprint the request's {@link dev.fraudscore.businessapi.domain.RequestFingerprint}
     * @return the answer as JSON, byte for byte the same when replayed
     * @throws RejectedTransactionException when the id was used for another body, or a downstream refused it
     */
    public String score(ValidTransaction tx, String fingerprint, RequestDeadline deadline) {
        Transaction dataDomain = translator.toDataDomain(tx);
        Claim claim = idempotency.claim(tx.transactionId(), fingerprint);
        switch (claim.status()) {
            case ANSWERED:
                return claim.answerJson();
            case CONFLICT:
                throw RejectedTransactionException.idReused(tx.transactionId());
            default:
                break;
        }
        FraudScore answer;
        try {
            answer = assembler.assemble(pipeline.run(dataDomain, deadline));
        } catch (RuntimeException refusedOrBroken) {
            if (claim.holdsId()) {
                idempotency.release(tx.transactionId(), fingerprint);
            }
            throw refusedOrBroken;
        }
        String body = json.writeValueAsString(answer);
        if (!answer.degraded() && claim.holdsId()) {
            idempotency.saveAnswer(tx.transactionId(), fingerprint, body);
        }
        return body;
    }
}
