package dev.fraudscore.postprocess.config;

import dev.fraudscore.postprocess.domain.Policy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Loads the policy named by {@code fraudscore.postprocess.policy} before the context refreshes and registers
 * it as the {@code policy} bean. Done here rather than in a {@code @Bean} method so that a bad policy stops
 * the service before any server is created, and is reported only by {@link InvalidPolicyFailureAnalyzer},
 * without Spring's chain of "error creating bean" messages. Registered in META-INF/spring.factories.
 */
public class PolicyStartupLoader implements ApplicationListener<ApplicationPreparedEvent> {

    static final String BEAN_NAME = "policy";
    private static final Logger log = LoggerFactory.getLogger(PolicyStartupLoader.class);

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        if (context.getBeanFactory().containsBean(BEAN_NAME)) {
            return;
        }
        PostprocessProperties properties = Binder.get(context.getEnvironment())
                .bindOrCreate(PostprocessProperties.PREFIX, PostprocessProperties.class);
        Policy policy = new PolicyLoader().load(properties.policy());
        log.info("Loaded policy {} from {}: fail mode {}, default thresholds review {} decline {}, "
                        + "{} model override(s), {} rule(s)", policy.version(), properties.policy(), policy.failMode(),
                policy.defaultThresholds().review(), policy.defaultThresholds().decline(), policy.overrides().size(),
                policy.rules().size());
        context.getBeanFactory().registerSingleton(BEAN_NAME, policy);
    }
}
