package dev.fraudscore.businessapi.web;

import dev.fraudscore.businessapi.config.ApiProperties;
import dev.fraudscore.businessapi.domain.CurrencyTable;
import dev.fraudscore.businessapi.domain.DataDomainTranslator;
import dev.fraudscore.businessapi.domain.PipelineOutcome;
import dev.fraudscore.businessapi.domain.ScoreAssembler;
import dev.fraudscore.businessapi.domain.TransactionRequest;
import dev.fraudscore.businessapi.domain.TransactionValidator;
import dev.fraudscore.businessapi.store.IdempotencyStore;
import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.ReasonCode;
import dev.fraudscore.support.readiness.BeforePortOpens;
import dev.fraudscore.support.readiness.ReadinessGate;
import dev.fraudscore.support.readiness.WarmupRounds;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Warms the application before its port opens, so that no caller meets a cold JVM: a request that arrives while
 * classes load and the JIT compiles misses its deadline, and under load enough of them open the circuit breakers
 * of healthy downstreams, which then keep answers degraded for seconds after the service is ready.
 * <ol>
 *   <li>the side-effect-free parts of a request: parsing, validation, hashing, translation, answer JSON;</li>
 *   <li>the idempotency store: a few claims of throw-away ids, each released at once (nothing is left behind);</li>
 *   <li>then it waits, at most {@code fraudscore.api.warmup-wait}, for the readiness gate: predict-service has said
 *       what it serves and the calls to predict- and postprocess-service are warm.</li>
 * </ol>
 * It runs in the lifecycle phase just before the web server's, which starts only when this returns. A Redis or
 * downstream that is not up yet is fine: the port opens after the wait and answers degraded meanwhile.
 */
@Component
class StartupWarmup extends BeforePortOpens {

    private static final Logger log = LoggerFactory.getLogger(StartupWarmup.class);
    private static final int ROUNDS = 200;
    private static final int STORE_ROUNDS = 10;
    private static final Duration BUDGET = Duration.ofSeconds(10);
    /** A request's fingerprint is a SHA-256 in hex. */
    private static final String FINGERPRINT = "0".repeat(64);

    private final TransactionValidator validator;
    private final CurrencyTable currencies;
    private final IdempotencyStore idempotency;
    private final ReadinessGate gate;
    private final Duration wait;
    private final JsonMapper json;
    private final Clock clock;

    @Autowired
    StartupWarmup(TransactionValidator validator, CurrencyTable currencies, IdempotencyStore idempotency,
            ReadinessGate gate, ApiProperties properties, JsonMapper json, Clock clock) {
        this(validator, currencies, idempotency, gate, properties.warmupWait(), json, clock);
    }

    StartupWarmup(TransactionValidator validator, CurrencyTable currencies, IdempotencyStore idempotency,
            ReadinessGate gate, Duration wait, JsonMapper json, Clock clock) {
        this.validator = validator;
        this.currencies = currencies;
        this.idempotency = idempotency;
        this.gate = gate;
        this.wait = wait;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected void beforePortOpens() {
        warmRequestPath();
        warmIdempotency();
        awaitGate();
    }

    private void warmRequestPath() {
        byte[] sample = """
                {"transactionId": "warmup", "occurredAt": "%s", "amount": {"value": "1.00", "currency": "%s"},
                 "card": {"token": "tok_warmup", "bin": "424242", "country": "FR"}, "customer": {"id": "c"},
                 "merchant": {"id": "m", "categoryCode": "5411", "country": "FR"}, "channel": "POS",
                 "device": {"ip": "203.0.113.7"}, "location": {"lat": 1.0, "lon": 2.0}}"""
                .formatted(Instant.now(clock), currencies.base()).getBytes(StandardCharsets.UTF_8);
        JsonBodyParser<TransactionRequest> parser = JsonBodyParser.transactions(json);
        DataDomainTranslator translator = new DataDomainTranslator(currencies);
        AnswerJson answers = new AnswerJson(json);
        ScoreAssembler assembler = new ScoreAssembler(Decision.REVIEW);
        WarmupRounds.run("the request path", ROUNDS, BUDGET, () -> {
            TransactionRequest request = parser.parse(sample);
            RequestFingerprint.of(request);
            translator.toDataDomain(validator.validate(request));
            answers.write(assembler.assemble(
                    new PipelineOutcome("warmup", null, ReasonCode.MODEL_UNAVAILABLE, null, null, null)));
        });
    }

    /** Loads the store's scripts and opens its connection; a store that cannot be reached answers UNAVAILABLE. */
    private void warmIdempotency() {
        String ids = "warmup-" + UUID.randomUUID() + "-";
        int[] round = {0};
        WarmupRounds.run("the idempotency store", STORE_ROUNDS, BUDGET, () -> {
            IdempotencyStore.Key key = new IdempotencyStore.Key("warmup", ids + round[0]++);
            if (idempotency.claim(key, FINGERPRINT).holdsId()) {
                idempotency.release(key, FINGERPRINT).join();
            }
        });
    }

    private void awaitGate() {
        try {
            if (!gate.awaitReady(wait)) {
                log.warn("Opening the port before the downstream warm-up is done, after {} ms "
                        + "(fraudscore.api.warmup-wait); requests are answered degraded until it is", wait.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
