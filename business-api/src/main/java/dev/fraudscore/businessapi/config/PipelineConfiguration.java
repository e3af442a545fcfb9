package dev.fraudscore.businessapi.config;

import dev.fraudscore.businessapi.domain.CurrencyTable;
import dev.fraudscore.businessapi.domain.DataDomainTranslator;
import dev.fraudscore.businessapi.domain.ScoreAssembler;
import dev.fraudscore.businessapi.domain.TransactionValidator;
import dev.fraudscore.businessapi.grpc.DownstreamChannels;
import dev.fraudscore.businessapi.grpc.DownstreamWarmup;
import dev.fraudscore.businessapi.grpc.FeatureClient;
import dev.fraudscore.businessapi.grpc.GuardedDownstream;
import dev.fraudscore.businessapi.grpc.ModelMetadataCache;
import dev.fraudscore.businessapi.grpc.PostprocessClient;
import dev.fraudscore.businessapi.grpc.PredictClient;
import dev.fraudscore.businessapi.pipeline.FraudScoreService;
import dev.fraudscore.businessapi.pipeline.ScoringPipeline;
import dev.fraudscore.businessapi.store.IdempotencyStore;
import dev.fraudscore.businessapi.store.RedisIdempotencyStore;
import dev.fraudscore.businessapi.web.AnswerJson;
import dev.fraudscore.support.readiness.ReadinessGate;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires the pipeline: channels, guarded clients behind the ports, the model catalog, idempotency, readiness. */
@Configuration(proxyBeanMethods = false)
public class PipelineConfiguration {

    static final String MODEL = "model";
    static final String WARM_UP = "warm-up";

    /** The one clock of the request path; tests replace it. */
    @Bean
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

    @Bean(destroyMethod = "close")
    DownstreamChannels downstreamChannels(ApiProperties properties) {
        ApiProperties.Downstream targets = properties.downstream();
        return new DownstreamChannels(targets.features(), targets.predict(), targets.postprocess());
    }

    /** Only schedules time-limiter timeouts: one thread is plenty. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService downstreamTimers() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "downstream-timeouts");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    FeatureClient featureClient(DownstreamChannels channels, CircuitBreakerRegistry breakers, TimeLimiterRegistry limiters,
            ScheduledExecutorService downstreamTimers) {
        return new FeatureClient(channels.features(), guard("features", breakers, limiters, downstreamTimers));
    }

    @Bean
    PredictClient predictClient(DownstreamChannels channels, CircuitBreakerRegistry breakers, TimeLimiterRegistry limiters,
            ScheduledExecutorService downstreamTimers) {
        return new PredictClient(channels.predict(), guard("predict", breakers, limiters, downstreamTimers));
    }

    @Bean
    PostprocessClient postprocessClient(DownstreamChannels channels, CircuitBreakerRegistry breakers,
            TimeLimiterRegistry limiters, ScheduledExecutorService downstreamTimers) {
        return new PostprocessClient(channels.postprocess(), guard("postprocess", breakers, limiters, downstreamTimers));
    }

    /**
     * Not ready until predict-service has said which model and feature set it serves (the feature set to
     * ask for comes from there) and the calls to predict- and postprocess-service are warm. Afterwards it
     * stays ready when predict-service goes away: answering degraded is this service's job then.
     */
    @Bean
    ReadinessGate readinessGate() {
        return new ReadinessGate(MODEL, "waiting for predict-service to say which model and feature set it serves",
                WARM_UP, "warming up the calls to predict- and postprocess-service");
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    ModelMetadataCache modelMetadataCache(PredictClient predict, ApiProperties properties, DownstreamChannels channels,
            ReadinessGate gate, Clock clock) {
        ModelMetadataCache cache = new ModelMetadataCache(predict, properties.metadataRefresh(), properties.metadataRetry(),
                properties.metadataTimeout(), clock);
        DownstreamWarmup warmup = new DownstreamWarmup(channels.predict(), channels.postprocess());
        cache.onFirstKnown(model -> {
            gate.ready(MODEL, Map.of("model", model.model().name() + "/" + model.model().version(),
                    "featureSet", model.featureSet().id()));
            warmup.warm(model);
            gate.ready(WARM_UP);
        });
        return cache;
    }

    @Bean
    ScoringPipeline scoringPipeline(ModelMetadataCache models, FeatureClient features, PredictClient predict,
            PostprocessClient postprocess, ApiProperties properties) {
        return new ScoringPipeline(models, features, predict, postprocess, properties.postprocessReserve());
    }

    @Bean
    IdempotencyStore idempotencyStore(StringRedisTemplate redis, ApiProperties properties, CircuitBreakerRegistry breakers) {
        return new RedisIdempotencyStore(redis, properties.idempotency().keyPrefix(), properties.idempotency().ttl(),
                breakers.circuitBreaker("idempotency"));
    }

    @Bean
    FraudScoreService fraudScoreService(IdempotencyStore idempotency, CurrencyTable currencies, ScoringPipeline pipeline,
            ApiProperties properties, JsonMapper json) {
        return new FraudScoreService(idempotency, new DataDomainTranslator(currencies), pipeline,
                new ScoreAssembler(properties.failMode()), new AnswerJson(json)::write);
    }

    private static GuardedDownstream guard(String name, CircuitBreakerRegistry breakers, TimeLimiterRegistry limiters,
            ScheduledExecutorService timers) {
        return new GuardedDownstream(name, breakers.circuitBreaker(name), limiters.timeLimiter(name), timers);
    }
}
