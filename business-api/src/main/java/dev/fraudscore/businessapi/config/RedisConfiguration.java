package dev.fraudscore.businessapi.config;

import io.lettuce.core.ClientOptions;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Redis only backs idempotency, which a request may skip; it must never hold a request up. */
@Configuration(proxyBeanMethods = false)
public class RedisConfiguration {

    /**
     * While Lettuce reconnects, fail commands at once instead of queueing them until the command timeout:
     * a request then answers without idempotency instead of spending its deadline waiting.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return builder -> builder.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
