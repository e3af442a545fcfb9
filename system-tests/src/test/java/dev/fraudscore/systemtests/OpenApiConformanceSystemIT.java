package dev.fraudscore.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.systemtests.ApiClient.Answer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the running system answers through the gateway, judged by the public OpenAPI document: each documented
 * status of POST /fraud-score, provoked for real, must match the document's response (status, content type,
 * headers, body schema). A field renamed in the code or in the document fails here.
 */
class OpenApiConformanceSystemIT {

    private static final Instant AT = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(12, ChronoUnit.HOURS);

    private static ApiClient api;

    @BeforeAll
    static void startSystem() {
        api = new ApiClient(Pipeline.get().gatewayUrl());
    }

    @Test
    void aScoredTransaction200() {
        String body = ApiClient.JSON.writeValueAsString(everyday());
        assertThat(OpenApiContract.requestViolations(body, Pipeline.API_KEY)).as("the request itself").isEmpty();

        assertConforms(api.post(OpenApiContract.PATH, body, Pipeline.API_KEY), 200);
    }

    @Test
    void anInvalidTransaction400() {
        Map<String, Object> invalid = everyday();
        invalid.put("amount", Map.of("value", "-5", "currency", "EURO"));

        assertConforms(api.score(invalid, Pipeline.API_KEY), 400);
    }

    @Test
    void aMissingApiKey401() {
        assertConforms(api.score(everyday(), null), 401);
    }

    @Test
    void anotherMethod405() {
        Answer answer = api.send("GET", OpenApiContract.PATH, null, Pipeline.API_KEY);

        // the document lists 405 under POST; its header schema is `const: POST`, which the validator's JSON
        // Schema draft-04 engine does not know, so the header is checked here
        assertConforms(answer, 405);
        assertThat(answer.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void aReusedTransactionIdWithAnotherBody409() {
        Map<String, Object> first = everyday();
        assertThat(api.score(first, Pipeline.API_KEY).status()).isEqualTo(200);
        Map<String, Object> other = everyday();
        other.put("transactionId", first.get("transactionId"));

        assertConforms(api.score(other, Pipeline.API_KEY), 409);
    }

    @Test
    void aBodyOver64Kilobytes413() {
        Map<String, Object> oversized = everyday();
        oversized.put("padding", "x".repeat(70 * 1024));

        assertConforms(api.score(oversized, Pipeline.API_KEY), 413);
    }

    @Test
    void aCallerOverItsRateLimit429() {
        Answer refused = RateLimitSystemIT.firstRefusal(api);

        assertConforms(refused, 429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
    }

    private static Map<String, Object> everyday() {
        return Transactions.everyday(Transactions.newCard(), AT, "23.10", "m-conformance");
    }

    private static void assertConforms(Answer answer, int status) {
        assertThat(answer.status()).as("status of %s", answer.rawBody()).isEqualTo(status);
        assertThat(OpenApiContract.violations(answer)).as("%d %s %s against %s", status, answer.contentType(),
                answer.rawBody(), OpenApiContract.DOCUMENT).isEmpty();
    }
}
