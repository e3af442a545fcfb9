package dev.fraudscore.businessapi.config;

import com.netflix.concurrency.limits.limiter.AbstractLimiter;
import dev.fraudscore.businessapi.domain.CurrencyTable;
import dev.fraudscore.businessapi.domain.DataDomainTranslator;
import dev.fraudscore.businessapi.domain.FeedbackValidator;
import dev.fraudscore.businessapi.domain.ScoreAssembler;
import dev.fraudscore.businessapi.domain.TransactionValidator;
import dev.fraudscore.businessapi.pipeline.DecisionPolicy;
import dev.fraudscore.businessapi.pipeline.FeatureSource;
import dev.fraudscore.businessapi.pipeline.FeedbackService;
import dev.fraudscore.businessapi.pipeline.LabelSink;
import dev.fraudscore.businessapi.pipeline.FraudScoreService;
import dev.fraudscore.businessapi.pipeline.ModelCatalog;
import dev.fraudscore.businessapi.pipeline.Scorer;
import dev.fraudscore.businessapi.pipeline.ScoringPipeline;
import dev.fraudscore.businessapi.store.IdempotencyStore;
import dev.fraudscore.businessapi.store.RedisIdempotencyStore;
import dev.fraudscore.businessapi.web.AnswerJson;
import dev.fraudscore.businessapi.metrics.MicrometerPipelineMetrics;
import dev.fraudscore.businessapi.pipeline.PipelineMetrics;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request path whatever the deployment: validation, translation, idempotency, and the scoring spine over
 * the four ports ({@link ModelCatalog}, {@link FeatureSource}, {@link Scorer}, {@link DecisionPolicy}), and late
 * labels over a fifth ({@link LabelSink}), which
 * the decomposed deployment fills with gRPC clients ({@link DownstreamConfiguration}) and the embedded one
 * with the other services' domain code in-process.
 */
@Configuration(proxyBeanMethods = false)
public class RequestPathConfiguration {

    /** The one clock of the request path (primary where another module brings a clock of its own); tests replace it. */
    @Bean
    @Primary
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CurrencyTable currencyTable(ApiProperties properties) {
        return new CurrencyTable(properties.currency().base(), properties.currency().rates());
    }

    @Bean
    TransactionValidator transactionValidator(Validator formats, CurrencyTable currencies, Clock clock,
            ApiProperties properties) {
        return new TransactionValidator(formats, currencies, clock, properties.maxClockSkew());
    }

    @Bean
    PipelineMetrics pipelineMetrics(MeterRegistry meters) {
        return new MicrometerPipelineMetrics(meters);
    }

    @Bean
    ScoringPipeline scoringPipeline(ModelCatalog models, FeatureSource features, Scorer scorer, DecisionPolicy policy,
            ApiProperties properties, PipelineMetrics metrics) {
        return new ScoringPipeline(models, features, scorer, policy, properties.postprocessReserve(), metrics);
    }

    @Bean
    IdempotencyStore idempotencyStore(StringRedisTemplate redis, ApiProperties properties, CircuitBreakerRegistry breakers,
            Clock clock) {
        return new RedisIdempotencyStore(redis, properties.idempotency().keyPrefix(), properties.idempotency().ttl(),
                breakers.circuitBreaker("idempotency"), clock);
    }

    @Bean
    FeedbackService feedbackService(Validator formats, Clock clock, LabelSink labels, PipelineMetrics metrics) {
        return new FeedbackService(new FeedbackValidator(formats, clock, FeedbackValidator.MAX_CLOCK_SKEW), labels,
                metrics);
    }

    @Bean
    FraudScoreService fraudScoreService(IdempotencyStore idempotency, CurrencyTable currencies, ScoringPipeline pipeline,
            ApiProperties properties, JsonMapper json, AbstractLimiter<Void> scoringAdmission, PipelineMetrics metrics) {
        return new FraudScoreService(idempotency, new DataDomainTranslator(currencies), pipeline,
                new ScoreAssembler(properties.failMode()), new AnswerJson(json)::write, scoringAdmission, metrics);
    }

    /**
     * How many requests are scored at once ({@code fraudscore.api.admission}), with its limit and the requests in flight
     * on {@code /actuator/prometheus}.
     */
    @Bean
    AbstractLimiter<Void> scoringAdmission(ApiProperties properties, MeterRegistry meters) {
        AbstractLimiter<Void> limiter = ScoringAdmission.limiter(properties.admission(), System::nanoTime);
        Gauge.builder("fraudscore.api.admission.limit", limiter, AbstractLimiter::getLimit)
                .description("Requests that may be scored at once; one more is answered 503")
                .register(meters);
        Gauge.builder("fraudscore.api.admission.in.flight", limiter, AbstractLimiter::getInflight)
                .description("Requests being scored")
                .register(meters);
        return limiter;
    }
}
