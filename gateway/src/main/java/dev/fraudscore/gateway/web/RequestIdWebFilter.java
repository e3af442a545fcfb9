package dev.fraudscore.gateway.web;

import dev.fraudscore.support.web.RequestIds;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Stamps every request with an {@code X-Request-Id} (the caller's when acceptable) before anything
 * else runs, so refusals, proxied answers and logs all carry the same id.
 */
public class RequestIdWebFilter implements WebFilter, Ordered {

    static final String ATTRIBUTE = RequestIdWebFilter.class.getName() + ".requestId";

    private final RequestIds requestIds;

    public RequestIdWebFilter(RequestIds requestIds) {
        this.requestIds = requestIds;
    }

    /** The id given to this exchange, or null when the filter did not run (it always does on the public port). */
    public static String requestIdOf(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = requestIds.keepOrGenerate(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
        exchange.getAttributes().put(ATTRIBUTE, requestId);
        // Set just before the response goes out, so it replaces whatever business-api sent under that name.
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(RequestIds.HEADER, requestId);
            return Mono.empty();
        });
        ServerHttpRequest stamped = exchange.getRequest().mutate()
                .headers(headers -> headers.set(RequestIds.HEADER, requestId))
                .build();
        return chain.filter(exchange.mutate().request(stamped).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
