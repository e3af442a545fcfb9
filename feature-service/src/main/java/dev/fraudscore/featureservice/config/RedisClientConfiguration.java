package dev.fraudscore.featureservice.config;

import io.lettuce.core.ClientOptions;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Lettuce settings for a service that answers inside a payment authorisation. */
@Configuration(proxyBeanMethods = false)
public class RedisClientConfiguration {

    /**
     * While the connection is down, fail each command at once instead of queueing it until the
     * command timeout: the caller has a deadline and a degraded answer ready.
     */
    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
