package dev.fraudscore.support.web;

import dev.fraudscore.domain.FieldViolation;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details on Spring's {@link ProblemDetail}, with one type namespace for the whole public
 * API ({@value #TYPE_BASE}{@code <slug>}), the request id, and one entry per bad field.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://fraudscore.dev/problems/";
    public static final String REQUEST_ID = "requestId";
    public static final String ERRORS = "errors";

    private Problems() {
    }

    /**
     * @param slug   last segment of the type, e.g. {@code invalid-transaction}
     * @param detail a sentence telling the caller what was wrong and what to do
     */
    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail, String instance,
            String requestId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        if (requestId != null) {
            problem.setProperty(REQUEST_ID, requestId);
        }
        return problem;
    }

    /** Adds one {@code {field, message}} entry per bad field. */
    public static ProblemDetail withErrors(ProblemDetail problem, List<FieldViolation> violations) {
        problem.setProperty(ERRORS, violations.stream()
                .map(v -> Map.of("field", v.field(), "message", v.message())).toList());
        return problem;
    }

    /** A slug from a reason phrase: "Method Not Allowed" gives {@code method-not-allowed}. */
    public static String slug(String reasonPhrase) {
        return reasonPhrase.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /**
     * The JSON members in RFC order, then the extension members: for writers that serialise a map (the
     * reactive gateway) rather than through Spring's message converters.
     */
    public static Map<String, Object> members(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
