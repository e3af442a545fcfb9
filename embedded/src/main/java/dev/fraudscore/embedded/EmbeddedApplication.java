package dev.fraudscore.embedded;

import dev.fraudscore.businessapi.config.ApiProperties;
import dev.fraudscore.businessapi.config.RedisConfiguration;
import dev.fraudscore.businessapi.config.RequestPathConfiguration;
import dev.fraudscore.featureservice.config.FeatureStoreConfiguration;
import dev.fraudscore.model.MlpNetwork;
import dev.fraudscore.postprocess.config.PolicyConfiguration;
import dev.fraudscore.predictservice.config.ModelConfiguration;
import dev.fraudscore.predictservice.config.PredictProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The embedded deployment: one process with the public {@code POST /fraud-score}, business-api's request path
 * and web layer, and the feature store, model server and policy of the three services, joined through the
 * domain ports in-process. It reads the same {@code fraudscore.*} settings as the services it replaces.
 */
@SpringBootApplication(scanBasePackages = {"dev.fraudscore.embedded", "dev.fraudscore.businessapi.web"})
@EnableConfigurationProperties({ApiProperties.class, PredictProperties.class, EmbeddedProperties.class})
@Import({RequestPathConfiguration.class, RedisConfiguration.class, FeatureStoreConfiguration.class,
        ModelConfiguration.class, PolicyConfiguration.class})
public class EmbeddedApplication {

    public static void main(String[] args) {
        // DJL must never download an engine or a model: only the natives on the classpath are used.
        System.setProperty("ai.djl.offline", "true");
        MlpNetwork.preferSingleThread();
        SpringApplication.run(EmbeddedApplication.class, args);
    }
}
