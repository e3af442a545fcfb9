package dev.fraudscore.predictservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PredictServiceApplication {

    public static void main(String[] args) {
        // DJL must never download an engine or a model: only the natives on the classpath are used.
        System.setProperty("ai.djl.offline", "true");
        // One small MLP row per request: intra-op parallelism only adds hand-offs; concurrency comes from
        // the gRPC threads. Override with -Dai.djl.pytorch.num_threads=N for big batches.
        System.setProperty("ai.djl.pytorch.num_threads", System.getProperty("ai.djl.pytorch.num_threads", "1"));
        System.setProperty("ai.djl.pytorch.num_interop_threads",
                System.getProperty("ai.djl.pytorch.num_interop_threads", "1"));
        SpringApplication.run(PredictServiceApplication.class, args);
    }
}
