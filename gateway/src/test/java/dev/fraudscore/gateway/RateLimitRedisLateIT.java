package dev.fraudscore.gateway;

import static dev.fraudscore.gateway.GatewayClient.TRANSACTION;
import static dev.fraudscore.gateway.GatewayClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.testsupport.FreePorts;
import dev.fraudscore.testsupport.TestRedis;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Redis is down when the gateway starts and comes up later. The rate limiter's connection is opened off the event
 * loop it shares with the server, so calls pass meanwhile instead of waiting on a connect, and the limit holds as soon
 * as Redis answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "fraudscore.gateway.api-keys[0].name=tight",
        "fraudscore.gateway.api-keys[0].sha256=" + RateLimitIT.TIGHT_KEY_SHA256,
        "fraudscore.gateway.api-keys[0].rate-limit.replenish-rate=1",
        "fraudscore.gateway.api-keys[0].rate-limit.burst-capacity=1"})
class RateLimitRedisLateIT {

    static final int REDIS_PORT = FreePorts.next();
    static final UpstreamStub UPSTREAM = UpstreamStub.answering();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        registry.add("fraudscore.gateway.upstream", UPSTREAM::baseUrl);
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> REDIS_PORT);
        registry.add("fraudscore.gateway.rate-limit.key-prefix", TestRedis::uniquePrefix);
    }

    @AfterAll
    static void stopUpstream() {
        UPSTREAM.close();
    }

    @LocalServerPort
    int port;

    @Test
    void passesCallsWhileRedisIsDownAndEnforcesTheLimitOnceItAnswers() {
        GatewayClient client = new GatewayClient(port);
        for (int i = 0; i < 3; i++) {
            assertThat(client.send(client.score(json(TRANSACTION), "X-API-Key", RateLimitIT.TIGHT_KEY)).statusCode())
                    .as("call %d with a limit of 1 and no Redis yet", i + 1).isEqualTo(200);
        }

        TestRedis.privateServerOn(REDIS_PORT);

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                client.send(client.score(json(TRANSACTION), "X-API-Key", RateLimitIT.TIGHT_KEY)).statusCode() == 429);
    }
}
