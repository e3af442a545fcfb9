package dev.fraudscore.businessapi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limiter.AbstractLimiter;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Past capacity: the admission limit refuses at once and changes nothing; a downstream's overload is counted apart. */
class OverloadIT extends PipelineITSupport {

    @Autowired
    AbstractLimiter<Void> scoringAdmission;
    @Autowired
    MeterRegistry meters;

    @Test
    void aRequestOverTheLimitGets503WithRetryAfterAndChangesNoState() {
        int max = scoringAdmission.getLimit();
        double rejectedBefore = counter("fraudscore.api.bulkhead.rejected");
        String id = newId();
        List<Limiter.Listener> beingScored = new ArrayList<>();
        HttpResponse<String> refused;
        for (int i = 0; i < max; i++) {
            beingScored.add(scoringAdmission.acquire(null).orElseThrow());
        }
        try {
            refused = post(transaction(id), "application/json", "req-busy-1");
        } finally {
            beingScored.forEach(Limiter.Listener::onIgnore);
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
                .contains("fraudscore_api_admission_limit")
                .contains("fraudscore_api_admission_in_flight");

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
