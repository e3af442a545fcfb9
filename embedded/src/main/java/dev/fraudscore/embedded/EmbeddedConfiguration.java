package dev.fraudscore.embedded;

import dev.fraudscore.embedded.ports.InProcessFeatures;
import dev.fraudscore.embedded.ports.InProcessLabels;
import dev.fraudscore.embedded.ports.InProcessPolicy;
import dev.fraudscore.embedded.ports.InProcessScorer;
import dev.fraudscore.embedded.ports.RegistryCatalog;
import dev.fraudscore.embedded.web.ApiKeyServletFilter;
import dev.fraudscore.featureservice.domain.FeatureComputer;
import dev.fraudscore.postprocess.domain.Decider;
import dev.fraudscore.predictservice.domain.ModelRegistry;
import dev.fraudscore.predictservice.domain.Predictor;
import dev.fraudscore.support.apikey.ApiKeyRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** The four ports of the scoring spine and the label port, filled in-process, and the gateway's API keys in front. */
@Configuration(proxyBeanMethods = false)
public class EmbeddedConfiguration {

    /** In one process the steps share the request's deadline; there is no per-hop timeout to add. */
    static final Duration NO_HOP_TIMEOUT = Duration.ofSeconds(10);

    @Bean
    RegistryCatalog modelCatalog(ModelRegistry registry) {
        return new RegistryCatalog(registry);
    }

    @Bean
    InProcessFeatures featureSource(FeatureComputer features) {
        return new InProcessFeatures(features, NO_HOP_TIMEOUT);
    }

    @Bean
    InProcessLabels labelSink(FeatureComputer features) {
        return new InProcessLabels(features, NO_HOP_TIMEOUT);
    }

    @Bean
    InProcessScorer scorer(Predictor predictor, @Qualifier("batchClock") Clock batchClock) {
        return new InProcessScorer(predictor, batchClock, NO_HOP_TIMEOUT);
    }

    @Bean
    InProcessPolicy decisionPolicy(Decider decider) {
        return new InProcessPolicy(decider, NO_HOP_TIMEOUT);
    }

    /** Only {@code POST /fraud-score} and {@code /fraud-feedback}, as the gateway routes them, after the request id is set. */
    @Bean
    FilterRegistrationBean<ApiKeyServletFilter> apiKeys(EmbeddedProperties properties, JsonMapper json) {
        ApiKeyRegistry registry = new ApiKeyRegistry(properties.apiKeys().stream()
                .map(key -> ApiKeyRegistry.Caller.ofHash(key.name(), key.sha256())).toList());
        FilterRegistrationBean<ApiKeyServletFilter> filter = new FilterRegistrationBean<>(
                new ApiKeyServletFilter(registry, json));
        filter.addUrlPatterns("/fraud-score", "/fraud-feedback");
        filter.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return filter;
    }
}
