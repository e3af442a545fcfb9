package dev.fraudscore.gateway;

import static dev.fraudscore.gateway.GatewayClient.DEV_KEY;
import static dev.fraudscore.gateway.GatewayClient.TRANSACTION;
import static dev.fraudscore.gateway.GatewayClient.json;
import static dev.fraudscore.gateway.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** business-api is down: the caller gets a problem with a sentence, not Spring's error page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.server.port=0")
@ExtendWith(OutputCaptureExtension.class)
class UpstreamFailureIT {

    @DynamicPropertySource
    static void deadUpstream(DynamicPropertyRegistry registry) {
        String dead = UpstreamStub.deadUrl();
        registry.add("fraudscore.gateway.upstream", () -> dead);
        GatewayRedis.privateBuckets(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void answersServiceUnavailableWhenBusinessApiIsDown() {
        GatewayClient client = new GatewayClient(port);

        HttpResponse<String> response = client.send(client.score(json(TRANSACTION),
                "X-API-Key", DEV_KEY, "X-Request-Id", "down-1"));

        assertThat(assertProblem(response, 503).path("detail").asString()).contains("cannot be reached");
        assertThat(response.headers().firstValue("X-Request-Id")).contains("down-1");
    }

    @Test
    void anOutageIsLoggedOnceAPeriodNotOnceARequest(CapturedOutput output) {
        GatewayClient client = new GatewayClient(port);

        for (int i = 0; i < 20; i++) {
            assertThat(client.send(client.score(json(TRANSACTION), "X-API-Key", DEV_KEY, "X-Request-Id", "flood-" + i))
                    .statusCode()).isEqualTo(503);
        }

        // the first test's line may have spent this period's one line already
        long lines = output.getOut().lines().filter(line -> line.contains("requestId=flood-")).count();
        assertThat(lines).isLessThanOrEqualTo(1);
    }
}
