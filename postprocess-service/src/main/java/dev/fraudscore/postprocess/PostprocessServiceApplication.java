package dev.fraudscore.postprocess;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Maps a score to a business label, decision and reasons under a versioned policy. gRPC on
 * {@code spring.grpc.server.port} (its own Netty server), actuator on {@code server.port}.
 */
@SpringBootApplication
public class PostprocessServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PostprocessServiceApplication.class, args);
    }
}
