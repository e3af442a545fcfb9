package dev.fraudscore.gateway.web;

import dev.fraudscore.support.web.Problems;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal the gateway answers itself, as RFC 9457 problem details. Thrown by filters and rendered in
 * one place ({@link ProblemExceptionHandler}), so every refusal has the same shape.
 *
 * @param slug    last segment of the problem type URI, e.g. {@code api-key-missing}
 * @param detail  a sentence telling the caller what was wrong and what to do
 * @param headers extra response headers, e.g. {@code WWW-Authenticate}
 */
public final class GatewayProblem extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String detail;
    private final Map<String, String> headers;

    public GatewayProblem(HttpStatus status, String slug, String detail) {
        this(status, slug, detail, Map.of());
    }

    public GatewayProblem(HttpStatus status, String slug, String detail, Map<String, String> headers) {
        // No stack trace: these are expected answers, not faults, and are built on the hot path.
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.detail = detail;
        this.headers = Map.copyOf(headers);
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String type() {
        return Problems.TYPE_BASE + slug;
    }

    public String title() {
        return status.getReasonPhrase();
    }

    public String detail() {
        return detail;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
