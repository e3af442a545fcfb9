package dev.fraudscore.postprocess.config;

import dev.fraudscore.postprocess.domain.Decider;
import dev.fraudscore.postprocess.domain.Policy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The decider over the policy that {@link PolicyStartupLoader} loaded before the context started. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PostprocessProperties.class)
public class PolicyConfiguration {

    @Bean
    Decider decider(Policy policy) {
        return new Decider(policy);
    }
}
