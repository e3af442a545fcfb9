package dev.fraudscore.businessapi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BusinessApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(BusinessApiApplication.class, args);
    }
}
