package dev.fraudscore.gateway.web;

import dev.fraudscore.gateway.domain.ApiKeyRegistry;
import dev.fraudscore.gateway.domain.PresentedApiKey;
import java.util.Map;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Lets a request through only with a known API key, and then hands business-api the caller's name
 * ({@code X-Caller}) instead of the key: the key itself never leaves the gateway.
 */
public class ApiKeyFilter implements GatewayFilter {

    public static final String CALLER_HEADER = "X-Caller";
    private static final Map<String, String> CHALLENGE =
            Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"fraudscore\"");

    private final ApiKeyRegistry registry;

    public ApiKeyFilter(ApiKeyRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        Optional<String> key = PresentedApiKey.from(
                headers.getFirst(PresentedApiKey.API_KEY_HEADER), headers.getFirst(HttpHeaders.AUTHORIZATION));
        if (key.isEmpty()) {
            return Mono.error(new GatewayProblem(HttpStatus.UNAUTHORIZED, "api-key-missing",
                    "Send your API key in the X-API-Key header (or as Authorization: Bearer <key>).", CHALLENGE));
        }
        Optional<String> caller = registry.callerFor(key.get());
        if (caller.isEmpty()) {
            return Mono.error(new GatewayProblem(HttpStatus.UNAUTHORIZED, "api-key-unknown",
                    "The API key is not recognised. Check that you send the key you were issued, without extra characters.",
                    CHALLENGE));
        }
        ServerHttpRequest forwarded = exchange.getRequest().mutate()
                .headers(h -> {
                    h.remove(PresentedApiKey.API_KEY_HEADER);
                    h.remove(HttpHeaders.AUTHORIZATION);
                    // set, not add: a caller must not be able to claim another caller's name
                    h.set(CALLER_HEADER, caller.get());
                })
                .build();
        return chain.filter(exchange.mutate().request(forwarded).build());
    }
}
