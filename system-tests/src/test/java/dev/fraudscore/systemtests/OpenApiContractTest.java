package dev.fraudscore.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The validator wiring of OpenApiConformanceSystemIT, on answers written here: right ones pass, wrong ones are named. */
class OpenApiContractTest {

    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    private static final String SCORED = """
            {"transactionId":"tx-1","decision":"APPROVE","label":"NOT_FRAUD","score":0.02,"reasons":[],
             "model":{"name":"fraud-mlp","version":"1"},"featureSet":"fraud_v1","policyVersion":"p-1","degraded":false}""";

    @Test
    void aDocumentedAnswerConforms() {
        assertThat(OpenApiContract.violations(200, JSON, Map.of("X-Request-Id", List.of("r-1")), SCORED)).isEmpty();
        assertThat(OpenApiContract.violations(405, PROBLEM, Map.of("Allow", List.of("POST")), """
                {"type":"https://fraudscore.dev/problems/method-not-allowed","title":"Method Not Allowed","status":405}"""))
                .isEmpty();
    }

    @Test
    void anAnswerWithoutARequiredFieldIsNamed() {
        String withoutDegraded = SCORED.replace(",\"degraded\":false", "");

        assertThat(OpenApiContract.violations(200, JSON, Map.of(), withoutDegraded)).singleElement()
                .asString().contains("degraded");
    }

    @Test
    void aValueOutsideTheDocumentIsNamed() {
        assertThat(OpenApiContract.violations(200, JSON, Map.of(), SCORED.replace("\"APPROVE\"", "\"MAYBE\"")))
                .singleElement().asString().contains("MAYBE");
        assertThat(OpenApiContract.violations(400, PROBLEM, Map.of(), """
                {"type":"about:blank","title":"Bad Request","status":400,"errors":[{"field":"amount.value"}]}"""))
                .singleElement().asString().contains("message");
    }

    @Test
    void anUndocumentedStatusOrContentTypeIsNamed() {
        assertThat(OpenApiContract.violations(418, PROBLEM, Map.of(), "{}")).singleElement().asString().contains("418");
        assertThat(OpenApiContract.violations(200, "text/plain", Map.of(), SCORED)).isNotEmpty();
    }

    @Test
    void theSystemTestsTransactionsAreWhatTheDocumentAccepts() {
        String everyday = ApiClient.JSON.writeValueAsString(
                Transactions.everyday("tok_1", Instant.parse("2026-11-22T10:15:30Z"), "12.00", "m-1"));

        assertThat(OpenApiContract.requestViolations(everyday, Pipeline.API_KEY)).isEmpty();
        assertThat(OpenApiContract.requestViolations(everyday.replace("\"POS\"", "\"PIGEON\""), Pipeline.API_KEY))
                .singleElement().asString().contains("PIGEON");
    }
}
