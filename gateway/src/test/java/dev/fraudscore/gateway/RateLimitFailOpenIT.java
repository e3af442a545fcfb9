package dev.fraudscore.gateway;

import static dev.fraudscore.gateway.GatewayClient.TRANSACTION;
import static dev.fraudscore.gateway.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Redis cannot be reached: the limit is not enforced, every call passes and is counted, and the gateway stays up. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "fraudscore.gateway.api-keys[0].name=tight",
        "fraudscore.gateway.api-keys[0].sha256=" + RateLimitIT.TIGHT_KEY_SHA256,
        "fraudscore.gateway.api-keys[0].rate-limit.replenish-rate=1",
        "fraudscore.gateway.api-keys[0].rate-limit.burst-capacity=1"})
class RateLimitFailOpenIT {

    static final UpstreamStub UPSTREAM = UpstreamStub.answering();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("fraudscore.gateway.upstream", UPSTREAM::baseUrl);
        GatewayRedis.unreachable(registry);
    }

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.close();
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void letsEveryCallThroughAndCountsItWhenRedisIsDown() {
        GatewayClient client = new GatewayClient(port);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = client.send(client.score(json(TRANSACTION), "X-API-Key", RateLimitIT.TIGHT_KEY));
            assertThat(response.statusCode()).as("call %d with a limit of 1 and no Redis", i + 1).isEqualTo(200);
        }
        assertThat(UPSTREAM.received()).hasSize(5);

        GatewayClient management = new GatewayClient(managementPort);
        assertThat(management.send(management.request("/actuator/health").GET()).statusCode()).isEqualTo(200);
        assertThat(management.send(management.request("/actuator/prometheus").GET()).body())
                .contains("fraudscore_gateway_rate_limit_failed_open_total 5.0")
                .contains("fraudscore_gateway_rate_limited_total{caller=\"tight\"} 0.0");
    }
}
