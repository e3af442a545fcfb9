package dev.fraudscore.businessapi.web;

import dev.fraudscore.support.web.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First thing on every request: notes when it arrived (the deadline counts from there) and its request
 * id (the caller's {@code X-Request-Id} when valid, else a new one), echoed in the response and the logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    static final String REQUEST_ID = RequestIdFilter.class.getName() + ".requestId";
    static final String ARRIVED_AT = RequestIdFilter.class.getName() + ".arrivedAt";
    private final Clock clock;
    private final RequestIds requestIds = RequestIds.randomUuids();

    public RequestIdFilter(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(ARRIVED_AT, clock.instant());
        String id = requestIds.keepOrGenerate(request.getHeader(RequestIds.HEADER));
        request.setAttribute(REQUEST_ID, id);
        response.setHeader(RequestIds.HEADER, id);
        MDC.put("requestId", id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("requestId");
        }
    }

    /** The request's id; {@code null} only for a request that bypassed this filter. */
    static String requestId(HttpServletRequest request) {
        Object id = request.getAttribute(REQUEST_ID);
        return id == null ? null : id.toString();
    }

    static Instant arrivedAt(HttpServletRequest request, Clock clock) {
        Object at = request.getAttribute(ARRIVED_AT);
        return at instanceof Instant instant ? instant : clock.instant();
    }
}
