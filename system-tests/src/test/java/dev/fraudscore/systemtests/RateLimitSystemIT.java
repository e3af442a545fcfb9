package dev.fraudscore.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.systemtests.ApiClient.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Per-caller rate limits through the real gateway and its Redis: a caller over its limit (1 a second, bursts of
 * 1) is refused with 429 and Retry-After before business-api sees it, while another caller is scored.
 */
class RateLimitSystemIT {

    /** More than a bucket of 1 refilled by 1 a second can pass, however slowly this machine sends them. */
    static final int ATTEMPTS = 12;

    private final ApiClient api = new ApiClient(Pipeline.get().gatewayUrl());

    @Test
    void aCallerOverItsLimitGets429WithRetryAfterWhileAnotherCallerIsScored() {
        Answer refused = firstRefusal(api);
        Answer other = api.score(everyday(), Pipeline.API_KEY);

        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.body().path("type").asString()).isEqualTo("https://fraudscore.dev/problems/rate-limited");
        assertThat(refused.body().path("detail").asString()).startsWith("Caller " + Pipeline.THROTTLED_CALLER + " is over"
                + " its rate limit of 1 requests a second (bursts of 1)");
        assertThat(refused.body().path("requestId").asString()).isEqualTo(refused.requestId());
        assertThat(other.status()).as("another caller's bucket is its own").isEqualTo(200);
        assertThat(gatewayMetrics()).containsPattern(
                "fraudscore_gateway_rate_limited_total\\{caller=\"" + Pipeline.THROTTLED_CALLER + "\"} [1-9]");
    }

    /** Sends the throttled caller's transactions until one is refused; each must be scored or refused. */
    static Answer firstRefusal(ApiClient api) {
        for (int i = 0; i < ATTEMPTS; i++) {
            Answer answer = api.score(everyday(), Pipeline.THROTTLED_API_KEY);
            assertThat(answer.status()).as("answer %d: %s", i + 1, answer.rawBody()).isIn(200, 429);
            if (answer.status() == 429) {
                return answer;
            }
        }
        throw new AssertionError(ATTEMPTS + " calls in a row passed a limit of 1 a second, bursts of 1");
    }

    private static Map<String, Object> everyday() {
        return Transactions.everyday(Transactions.newCard(), Instant.now().minus(1, ChronoUnit.HOURS), "17.40",
                "m-rate-limit");
    }

    private static String gatewayMetrics() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Pipeline.get().gatewayManagementUrl()
                + "/actuator/prometheus")).GET().build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
