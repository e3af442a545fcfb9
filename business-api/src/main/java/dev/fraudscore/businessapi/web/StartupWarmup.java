package dev.fraudscore.businessapi.web;

import dev.fraudscore.businessapi.domain.CurrencyTable;
import dev.fraudscore.businessapi.domain.DataDomainTranslator;
import dev.fraudscore.businessapi.domain.PipelineOutcome;
import dev.fraudscore.businessapi.domain.ScoreAssembler;
import dev.fraudscore.businessapi.domain.TransactionRequest;
import dev.fraudscore.businessapi.domain.TransactionValidator;
import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.ReasonCode;
import dev.fraudscore.support.readiness.WarmupRounds;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the side-effect-free parts of a request before the application reports ready: parsing,
 * validation, hashing, translation, answer JSON, and the connection to Redis.
 * A cold JVM otherwise spends its first requests loading classes and dialling, far past the deadline.
 * Nothing is written anywhere; a downstream or Redis that is not up yet is fine.
 */
@Component
class StartupWarmup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupWarmup.class);
    private static final int ROUNDS = 200;
    private static final Duration BUDGET = Duration.ofSeconds(10);

    private final TransactionValidator validator;
    private final CurrencyTable currencies;
    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Clock clock;

    StartupWarmup(TransactionValidator validator, CurrencyTable currencies, StringRedisTemplate redis, JsonMapper json,
            Clock clock) {
        this.validator = validator;
        this.currencies = currencies;
        this.redis = redis;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
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
        try {
            redis.hasKey("warmup");
        } catch (RuntimeException redisNotUpYet) {
            log.info("Redis did not answer the warm-up ping ({}); idempotency is skipped while it is down",
                    redisNotUpYet.getMessage());
        }
    }
}
