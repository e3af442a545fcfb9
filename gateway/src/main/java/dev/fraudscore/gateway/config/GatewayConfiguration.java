package dev.fraudscore.gateway.config;

import dev.fraudscore.gateway.web.ApiKeyFilter;
import dev.fraudscore.gateway.web.BodyLimitFilter;
import dev.fraudscore.gateway.web.RequestIdWebFilter;
import dev.fraudscore.support.apikey.ApiKeyRegistry;
import dev.fraudscore.support.web.RequestIds;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The two routes through the gateway, {@code POST /fraud-score} and {@code POST /fraud-feedback}, with the same
 * protection. Defined in Java rather than in YAML so that nothing else can ever be forwarded, whatever the property
 * namespace of the release.
 */
@Configuration(proxyBeanMethods = false)
public class GatewayConfiguration {

    public static final String FRAUD_SCORE_PATH = "/fraud-score";
    public static final String FRAUD_FEEDBACK_PATH = "/fraud-feedback";
    /** Every path the gateway forwards, each only for POST. */
    public static final List<String> PATHS = List.of(FRAUD_SCORE_PATH, FRAUD_FEEDBACK_PATH);
    private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);

    @Bean
    ApiKeyRegistry apiKeyRegistry(GatewayProperties properties) {
        ApiKeyRegistry registry = new ApiKeyRegistry(properties.apiKeys().stream()
                .map(key -> ApiKeyRegistry.Caller.ofHash(key.name(), key.sha256()))
                .toList());
        if (registry.size() == 0) {
            log.warn("No API keys configured (fraudscore.gateway.api-keys): every call to {} will get 401", PATHS);
        }
        return registry;
    }

    @Bean
    RequestIdWebFilter requestIdWebFilter() {
        return new RequestIdWebFilter(RequestIds.randomUuids());
    }

    @Bean
    RouteLocator routes(RouteLocatorBuilder routes, GatewayProperties properties, ApiKeyRegistry registry,
            @Qualifier("rateLimitFilter") GatewayFilter rateLimit) {
        ApiKeyFilter apiKeys = new ApiKeyFilter(registry);
        BodyLimitFilter bodyLimit = new BodyLimitFilter(properties.maxBodyBytes());
        RouteLocatorBuilder.Builder builder = routes.routes();
        for (String path : PATHS) {
            log.info("Routing POST {} to {}", path, properties.upstream());
            builder.route(path.substring(1), route -> route
                    .path(path).and().method(HttpMethod.POST)
                    // authenticate first (an unknown caller's body is never read), then limit the caller's rate (one
                    // bucket per caller for both paths; a refused body is never read either); all run before
                    // RouteToRequestUrlFilter (10000) and the Netty routing filter
                    .filters(filters -> filters.filter(apiKeys, 1).filter(rateLimit, 2).filter(bodyLimit, 3))
                    .uri(properties.upstream()));
        }
        return builder.build();
    }
}
