package dev.fraudscore.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scripting.support.ResourceScriptSource;

class RateLimitScriptTest {

    private static final String LUA = "return {1, 2}";

    @Test
    void theTokenBucketScriptIsTheSameScriptButNeverAsksItsResourceAgain() {
        AtomicInteger lookups = new AtomicInteger();
        ByteArrayResource resource = new ByteArrayResource(LUA.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public long lastModified() throws IOException {
                lookups.incrementAndGet();
                return 0;
            }
        };
        DefaultRedisScript<List<Long>> gatewaysOwn = new DefaultRedisScript<>();
        gatewaysOwn.setScriptSource(new ResourceScriptSource(resource));
        gatewaysOwn.setResultType(listOfLongs());

        RedisScript<List<Long>> readOnce = RateLimitConfiguration.readOnce(gatewaysOwn);
        int afterReading = lookups.get();
        for (int request = 0; request < 100; request++) {
            assertThat(readOnce.getSha1()).isEqualTo(RedisScript.of(LUA).getSha1());
        }

        assertThat(lookups.get()).isEqualTo(afterReading);
        assertThat(readOnce.getScriptAsString()).isEqualTo(LUA);
        assertThat(readOnce.getResultType()).isEqualTo(List.class);
        // the gateway's own bean looks at its resource on every call: what this avoids
        gatewaysOwn.getSha1();
        assertThat(lookups.get()).isGreaterThan(afterReading);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<List<Long>> listOfLongs() {
        return (Class) List.class;
    }
}
