package dev.fraudscore.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * How to start predict-service: the JVM, the Spring Boot jar, the JVM options and the Spring arguments given to
 * every server of a benchmark (a scenario adds its own).
 */
record ServerSpec(Path java, Path jar, List<String> jvmOptions, List<String> arguments, Path logDir) {

    ServerSpec {
        jvmOptions = List.copyOf(jvmOptions);
        arguments = List.copyOf(arguments);
    }
}
