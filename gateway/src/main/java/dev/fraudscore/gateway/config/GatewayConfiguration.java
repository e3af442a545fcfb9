package dev.fraudscore.gateway.config;

import dev.fraudscore.gateway.web.ApiKeyFilter;
import dev.fraudscore.gateway.web.BodyLimitFilter;
import dev.fraudscore.gateway.web.RequestIdWebFilter;
import dev.fraudscore.support.apikey.ApiKeyRegistry;
import dev.fraudscore.support.web.RequestIds;
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
 * The one route through the gateway. Defined in Java rather than in YAML so that nothing but
 * {@code POST /fraud-score} can ever be forwarded, whatever the property namespace of the release.
 */
@Configuration(proxyBeanMethods = false)
public class GatewayConfiguration {

    public static final String FRAUD_SCORE_PATH = "/fraud-score";
    private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);

    @Bean
    ApiKeyRegistry apiKeyRegistry(GatewayProperties properties) {
        ApiKeyRegistry registry = new ApiKeyRegistry(properties.apiKeys().stream()
                .map(key -> ApiKeyRegistry.Caller.ofHash(key.name(), key.sha256()))
                .toList());
        if (registry.size() == 0) {
            log.warn("No API keys configured (fraudscore.gateway.api-keys): every call to {} will get 401",
                    FRAUD_SCORE_PATH);
        }
        return registry;
    }

    @Bean
    RequestIdWebFilter requestIdWebFilter() {
        return new RequestIdWebFilter(RequestIds.randomUuids());
    }

    @Bean
    RouteLocator fraudScoreRoute(RouteLocatorBuilder routes, GatewayProperties properties, ApiKeyRegistry registry,
            @Qualifier("rateLimitFilter") GatewayFilter rateLimit) {
        ApiKeyFilter apiKeys = new ApiKeyFilter(registry);
        BodyLimitFilter bodyLimit = new BodyLimitFilter(properties.maxBodyBytes());
        log.info("Routing POST {} to {}", FRAUD_SCORE_PATH, properties.upstream());
        return routes.routes()
                .route("fraud-score", route -> route
                        .path(FRAUD_SCORE_PATH).and().method(HttpMethod.POST)
                        // authenticate first (an unknown caller's body is never read), then limit the caller's
                        // rate (a refused body is never read either); all run before RouteToRequestUrlFilter
                        // (10000) and the Netty routing filter
                        .filters(filters -> filters.filter(apiKeys, 1).filter(rateLimit, 2).filter(bodyLimit, 3))
                        .uri(properties.upstream()))
                .build();
    }
}
