package dev.fraudscore.businessapi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fraudscore.businessapi.config.RequestPathConfiguration;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Past capacity: a full bulkhead refuses at once and changes nothing; a downstream's overload is counted apart. */
class OverloadIT extends PipelineITSupport {

    @Autowired
    BulkheadRegistry bulkheads;
    @Autowired
    MeterRegistry meters;

    @Test
    void aRequestOverTheBulkheadGets503WithRetryAfterAndChangesNoState() {
        Bulkhead scoring = bulkheads.bulkhead(RequestPathConfiguration.SCORING);
        int max = scoring.getBulkheadConfig().getMaxConcurrentCalls();
        double rejectedBefore = counter("fraudscore.api.bulkhead.rejected");
        String id = newId();
        HttpResponse<String> refused;
        for (int i = 0; i < max; i++) {
            assertThat(scoring.tryAcquirePermission()).as("requests already being scored").isTrue();
        }
        try {
            refused = post(transaction(id), "application/json", "req-busy-1");
        } finally {
            for (int i = 0; i < max; i++) {
                scoring.onComplete();
            }
        }

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        JsonNode problem = json(refused);
        assertThat(problem.get("type").asString()).isEqualTo("https://fraudscore.dev/problems/busy");
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("requestId").asString()).isEqualTo("req-busy-1");
        assertThat(problem.get("detail").asString()).contains("(" + max + ")").contains("nothing was recorded");
        assertThat(idempotencyPlace(id)).as("no idempotency claim left behind").isEmpty();
        assertThat(FIXTURES.features.requests).isEmpty();
        assertThat(FIXTURES.predict.requests).isEmpty();
        assertThat(FIXTURES.postprocess.requests).isEmpty();
        assertThat(counter("fraudscore.api.bulkhead.rejected")).isEqualTo(rejectedBefore + 1);
        assertThat(send(java.net.http.HttpRequest.newBuilder(uri("/actuator/prometheus")).GET()).body())
                .contains("fraudscore_api_bulkhead_rejected_total")
                .contains("resilience4j_bulkhead_available_concurrent_calls{name=\"scoring\"}");

        assertThat(json(post(transaction(id))).get("degraded").asBoolean()).as("the retry is scored").isFalse();
    }

    @Test
    void aModelRefusingForLackOfCapacityDegradesAndCountsAsOverloadNotFault() {
        // first scored ones: on a loaded machine the first calls after the start may outlast the deadline
        await().atMost(Duration.ofSeconds(20)).until(() -> !json(post(transaction(newId()))).get("degraded").asBoolean());
        double overloadBefore = degraded("model", "overload");
        double faultBefore = degraded("model", "fault");
        FIXTURES.predict.refuseWith = Status.RESOURCE_EXHAUSTED.withDescription("predict-service's batch queue is full");

        JsonNode answer = json(post(transaction(newId())));

        assertThat(answer.get("degraded").asBoolean()).isTrue();
        assertThat(answer.get("reasons").get(0).get("code").asString()).isEqualTo("MODEL_UNAVAILABLE");
        assertThat(degraded("model", "overload")).isEqualTo(overloadBefore + 1);
        assertThat(degraded("model", "fault")).isEqualTo(faultBefore);
    }

    private double counter(String name) {
        return meters.get(name).counter().count();
    }

    private double degraded(String step, String cause) {
        return meters.get("fraudscore.api.degraded").tag("step", step).tag("cause", cause).counter().count();
    }
}
