package dev.fraudscore.businessapi.config;

import dev.fraudscore.businessapi.grpc.BreakerGrace;
import dev.fraudscore.businessapi.grpc.DownstreamChannels;
import dev.fraudscore.businessapi.grpc.DownstreamWarmup;
import dev.fraudscore.businessapi.grpc.FeatureClient;
import dev.fraudscore.businessapi.grpc.GuardedDownstream;
import dev.fraudscore.businessapi.grpc.LabelClient;
import dev.fraudscore.businessapi.grpc.ModelMetadataCache;
import dev.fraudscore.businessapi.grpc.PostprocessClient;
import dev.fraudscore.businessapi.grpc.PredictClient;
import dev.fraudscore.support.readiness.ReadinessGate;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The decomposed deployment's ports: gRPC channels to the three services, each client behind its circuit
 * breaker and time limiter, the model catalog read from predict-service, and readiness.
 */
@Configuration(proxyBeanMethods = false)
public class DownstreamConfiguration {

    static final String MODEL = "model";
    static final String WARM_UP = "warm-up";

    /** Dialled at once, so the connections are up by the time the first request comes. */
    @Bean(destroyMethod = "close")
    DownstreamChannels downstreamChannels(ApiProperties properties) {
        ApiProperties.Downstream targets = properties.downstream();
        DownstreamChannels channels = new DownstreamChannels(targets.features(), targets.predict(), targets.postprocess(),
                targets.ioThreads());
        channels.connect();
        return channels;
    }

    /** Only schedules the breakers' grace period: one thread is plenty. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService breakerGraceTimer() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "breaker-grace");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The breakers only count for {@code fraudscore.api.breaker-grace} after the port opens. */
    @Bean
    BreakerGrace breakerGrace(CircuitBreakerRegistry breakers, ApiProperties properties,
            ScheduledExecutorService breakerGraceTimer) {
        return new BreakerGrace(breakers::getAllCircuitBreakers, properties.breakerGrace(),
                (task, delay) -> breakerGraceTimer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Bean
    FeatureClient featureClient(DownstreamChannels channels, CircuitBreakerRegistry breakers,
            TimeLimiterRegistry limiters) {
        return new FeatureClient(channels.features(), guard("features", breakers, limiters));
    }

    /** Its own breaker and time limiter ({@code labels}): feedback must not open the scoring path's breaker. */
    @Bean
    LabelClient labelClient(DownstreamChannels channels, CircuitBreakerRegistry breakers,
            TimeLimiterRegistry limiters) {
        return new LabelClient(channels.features(), guard("labels", breakers, limiters));
    }

    @Bean
    PredictClient predictClient(DownstreamChannels channels, CircuitBreakerRegistry breakers,
            TimeLimiterRegistry limiters) {
        return new PredictClient(channels.predict(), guard("predict", breakers, limiters));
    }

    @Bean
    PostprocessClient postprocessClient(DownstreamChannels channels, CircuitBreakerRegistry breakers,
            TimeLimiterRegistry limiters) {
        return new PostprocessClient(channels.postprocess(), guard("postprocess", breakers, limiters));
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

    private static GuardedDownstream guard(String name, CircuitBreakerRegistry breakers, TimeLimiterRegistry limiters) {
        return new GuardedDownstream(name, breakers.circuitBreaker(name), limiters.timeLimiter(name));
    }
}
