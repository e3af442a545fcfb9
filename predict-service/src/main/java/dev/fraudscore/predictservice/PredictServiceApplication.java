package dev.fraudscore.predictservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PredictServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PredictServiceApplication.class, args);
    }
}
