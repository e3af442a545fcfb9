package dev.fraudscore.gateway.web;

import dev.fraudscore.support.logging.LogThrottle;
import dev.fraudscore.support.web.Problems;
import dev.fraudscore.support.web.RequestIds;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders every error on the public port as {@code application/problem+json} (RFC 9457) carrying the
 * request id, in place of Spring's default error body; a stack trace never reaches a caller.
 */
@Component
@Order(-2) // ahead of Boot's and WebFlux's own handlers
public class ProblemExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);
    private static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final JsonMapper json;
    /**
     * The 5xx answers that stand for a fault elsewhere (502, 503, 504): while business-api is down or slow every
     * request is one. {@code http_server_requests} counts them all by status.
     */
    private final LogThrottle faultLines = new LogThrottle("gateway-fault-lines", Duration.ofSeconds(10));

    public ProblemExceptionHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            // Part of an upstream answer already went out; all we can do is cut the connection.
            return Mono.error(error);
        }
        String path = exchange.getRequest().getPath().value();
        String requestId = RequestIdWebFilter.requestIdOf(exchange);
        GatewayProblem problem = ProblemMapping.toProblem(error, exchange.getRequest().getMethod().name(), path);
        logIfFault(problem, error, exchange, requestId);

        byte[] bytes = json.writeValueAsBytes(Problems.members(Problems.of(problem.status(), problem.slug(),
                problem.title(), problem.detail(), path, requestId)));

        response.setStatusCode(problem.status());
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(PROBLEM_JSON);
        headers.setContentLength(bytes.length);
        headers.setCacheControl("no-store");
        if (requestId != null) {
            headers.set(RequestIds.HEADER, requestId);
        }
        problem.headers().forEach(headers::set);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }

    private void logIfFault(GatewayProblem problem, Throwable error, ServerWebExchange exchange, String requestId) {
        if (problem.status().is5xxServerError()) {
            String where = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value();
            if (problem.status().value() == 500) {
                log.error("requestId={} {} failed", requestId, where, error);
            } else {
                faultLines.next().ifPresent(unlogged -> log.warn("requestId={} {} answered {}: {} {}", requestId, where,
                        problem.status().value(), error, faultLines.suffix(unlogged)));
            }
        } else if (log.isDebugEnabled()) {
            log.debug("requestId={} refused with {}: {}", requestId, problem.status().value(), problem.detail());
        }
    }
}
