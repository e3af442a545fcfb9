package dev.fraudscore.gateway;

import static dev.fraudscore.gateway.GatewayClient.DEV_KEY;
import static dev.fraudscore.gateway.GatewayClient.TRANSACTION;
import static dev.fraudscore.gateway.GatewayClient.json;
import static dev.fraudscore.gateway.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** business-api accepts the call but never answers: the response timeout turns it into a 504 problem. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "fraudscore.gateway.upstream-timeout=300ms"})
class UpstreamTimeoutIT {

    static final UpstreamStub STUCK = UpstreamStub.holdingAnswers();

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        registry.add("fraudscore.gateway.upstream", STUCK::baseUrl);
        GatewayRedis.privateBuckets(registry);
    }

    @AfterAll
    static void stopUpstream() {
        STUCK.close();
    }

    @LocalServerPort
    int port;

    @Test
    void answersGatewayTimeoutWhenBusinessApiHangs() {
        GatewayClient client = new GatewayClient(port);
        long started = System.nanoTime();

        HttpResponse<String> response = client.send(client.score(json(TRANSACTION), "X-API-Key", DEV_KEY));

        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(assertProblem(response, 504).path("detail").asString()).contains("did not answer in time");
        // the stub never answers, so only the 300 ms response timeout can have ended the call
        assertThat(tookMillis).isGreaterThanOrEqualTo(300);
    }
}
