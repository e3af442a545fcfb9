package dev.fraudscore.gateway.web;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses bodies over the limit with 413 before anything reaches business-api. A declared
 * Content-Length is checked without reading; a body of unknown length (chunked) is read up to the limit
 * and forwarded only once it is known to fit, so an oversized stream is never half-sent upstream.
 */
public class BodyLimitFilter implements GatewayFilter {

    private static final byte[] NO_BODY = new byte[0];

    private final int maxBodyBytes;

    public BodyLimitFilter(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBodyBytes) {
            return Mono.error(tooLarge("The request body is " + declared + " bytes, over"));
        }
        return DataBufferUtils.join(request.getBody(), maxBodyBytes)
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge("The request body is over"))
                .map(BodyLimitFilter::copyAndRelease)
                .defaultIfEmpty(NO_BODY)
                .flatMap(body -> chain.filter(exchange.mutate().request(withBody(request, body, exchange)).build()));
    }

    private static byte[] copyAndRelease(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    private GatewayProblem tooLarge(String sizeClause) {
        return new GatewayProblem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                sizeClause + " the limit of " + maxBodyBytes + " bytes. Send one transaction per request.");
    }

    /** The request with its body held in memory (a heap copy: nothing pooled to leak if upstream fails). */
    private static ServerHttpRequest withBody(ServerHttpRequest request, byte[] body, ServerWebExchange exchange) {
        ServerHttpRequest sized = request.mutate()
                .headers(h -> {
                    h.remove(HttpHeaders.TRANSFER_ENCODING);
                    h.setContentLength(body.length);
                })
                .build();
        return new ServerHttpRequestDecorator(sized) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
            }
        };
    }
}
