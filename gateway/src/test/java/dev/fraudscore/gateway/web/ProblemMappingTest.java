package dev.fraudscore.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.gateway.config.GatewayProperties.Limit;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

class ProblemMappingTest {

    @Test
    void keepsTheGatewaysOwnProblems() {
        GatewayProblem own = new GatewayProblem(HttpStatus.UNAUTHORIZED, "api-key-missing", "Send your key.");

        assertThat(ProblemMapping.toProblem(own, "POST", "/fraud-score")).isSameAs(own);
        assertThat(own.type()).isEqualTo("https://fraudscore.dev/problems/api-key-missing");
        assertThat(own.title()).isEqualTo("Unauthorized");
    }

    @Test
    void unknownRoutesAreNotFoundAndNameTheOnlyOperation() {
        GatewayProblem problem = ProblemMapping.toProblem(
                new ResponseStatusException(HttpStatus.NOT_FOUND), "GET", "/actuator/health");

        assertThat(problem.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(problem.detail()).contains("/actuator/health").contains("POST /fraud-score");
    }

    @Test
    void anotherMethodOnTheOneOperationIs405AllowingPost() {
        GatewayProblem problem = ProblemMapping.toProblem(
                new ResponseStatusException(HttpStatus.NOT_FOUND), "GET", "/fraud-score");

        assertThat(problem.status()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(problem.headers()).containsEntry("Allow", "POST");
        assertThat(problem.detail()).isEqualTo("Method GET is not supported at /fraud-score; use POST.");
    }

    @Test
    void anUnreachableUpstreamIsUnavailable() {
        GatewayProblem problem = ProblemMapping.toProblem(
                new IllegalStateException("wrapped", new ConnectException("Connection refused")), "POST", "/fraud-score");

        assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(problem.detail()).contains("cannot be reached");
        assertThat(problem.headers()).as("every 503 says when to retry").containsEntry("Retry-After", "1");
    }

    @Test
    void aBrokenUpstreamConnectionIsABadGateway() {
        assertThat(ProblemMapping.toProblem(new IOException("Connection prematurely closed"), "POST", "/fraud-score").status())
                .isEqualTo(HttpStatus.BAD_GATEWAY);
    }

    @Test
    void aSlowUpstreamIsAGatewayTimeout() {
        GatewayProblem problem = ProblemMapping.toProblem(
                new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer than timeout"),
                "POST", "/fraud-score");

        assertThat(problem.status()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(problem.detail()).contains("did not answer in time");
    }

    @Test
    void anUpstreamSilentPastTheReadTimeoutIsAGatewayTimeout() {
        GatewayProblem problem = ProblemMapping.toProblem(ReadTimeoutException.INSTANCE, "POST", "/fraud-score");

        assertThat(problem.status()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(problem.detail()).contains("did not answer in time");
    }

    @Test
    void anOverflowingBodyIsTooLarge() {
        assertThat(ProblemMapping.toProblem(new DataBufferLimitException("over"), "POST", "/fraud-score").status())
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    }

    @Test
    void aCallerOverItsRateLimitIsToldWhenToRetry() {
        GatewayProblem problem = RateLimitFilter.tooManyRequests("checkout", new Limit(50, 100));

        assertThat(ProblemMapping.toProblem(problem, "POST", "/fraud-score")).isSameAs(problem);
        assertThat(problem.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(problem.type()).isEqualTo("https://fraudscore.dev/problems/rate-limited");
        assertThat(problem.headers()).containsEntry("Retry-After", "1");
        assertThat(problem.detail()).isEqualTo("Caller checkout is over its rate limit of 50 requests a second (bursts of"
                + " 100); retry after 1 s with the same transactionId, or ask for a higher limit.");
    }

    @Test
    void anythingElseIsAnInternalErrorWithoutItsMessage() {
        GatewayProblem problem = ProblemMapping.toProblem(new NullPointerException("secret detail"), "POST", "/fraud-score");

        assertThat(problem.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(problem.detail()).doesNotContain("secret detail").contains("requestId");
    }
}
