package dev.fraudscore.predictservice;

import dev.fraudscore.model.MlpNetwork;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PredictServiceApplication {

    public static void main(String[] args) {
        // DJL must never download an engine or a model: only the natives on the classpath are used.
        System.setProperty("ai.djl.offline", "true");
        // concurrency comes from the gRPC threads, not from PyTorch (-Dai.djl.pytorch.num_threads=N overrides)
        MlpNetwork.preferSingleThread();
        SpringApplication.run(PredictServiceApplication.class, args);
    }
}
