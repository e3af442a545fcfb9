package dev.fraudscore.gateway.web;

import dev.fraudscore.support.apikey.ApiKeyCheck;
import dev.fraudscore.support.apikey.ApiKeyRegistry;
import dev.fraudscore.support.apikey.PresentedApiKey;
import java.util.Map;
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

    public static final String CALLER_HEADER = ApiKeyCheck.CALLER_HEADER;
    static final String CALLER_ATTRIBUTE = ApiKeyFilter.class.getName() + ".caller";
    private static final Map<String, String> CHALLENGE = Map.of(HttpHeaders.WWW_AUTHENTICATE, ApiKeyCheck.CHALLENGE);

    private final ApiKeyCheck check;

    public ApiKeyFilter(ApiKeyRegistry registry) {
        this.check = new ApiKeyCheck(registry);
    }

    /** The caller this exchange's key belongs to; null before this filter let it through. */
    public static String callerOf(ServerWebExchange exchange) {
        return exchange.getAttribute(CALLER_ATTRIBUTE);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        ApiKeyCheck.Outcome outcome = check.check(headers.getFirst(PresentedApiKey.API_KEY_HEADER),
                headers.getFirst(HttpHeaders.AUTHORIZATION));
        if (outcome instanceof ApiKeyCheck.Refused refused) {
            return Mono.error(new GatewayProblem(HttpStatus.UNAUTHORIZED, refused.slug(), refused.sentence(), CHALLENGE));
        }
        String caller = ((ApiKeyCheck.Known) outcome).caller();
        exchange.getAttributes().put(CALLER_ATTRIBUTE, caller);
        ServerHttpRequest forwarded = exchange.getRequest().mutate()
                .headers(h -> {
                    h.remove(PresentedApiKey.API_KEY_HEADER);
                    h.remove(HttpHeaders.AUTHORIZATION);
                    // set, not add: a caller must not be able to claim another caller's name
                    h.set(CALLER_HEADER, caller);
                })
                .build();
        return chain.filter(exchange.mutate().request(forwarded).build());
    }
}
