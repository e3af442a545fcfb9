package dev.fraudscore.postprocess;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PostprocessServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PostprocessServiceApplication.class, args);
    }
}
