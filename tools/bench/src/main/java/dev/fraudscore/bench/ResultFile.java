package dev.fraudscore.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes a result as JSON, replacing the last one: {@code <dir>/predict-<benchmark>.json}, or a file named. */
final class ResultFile {

    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    /** The chain benchmark's files: snake_case members, as scripts reading them expect. */
    static final JsonMapper SNAKE_JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private ResultFile() {
    }

    static Path write(Path dir, BenchResult result) {
        return write(dir.resolve("predict-" + result.benchmark() + ".json"), result, JSON);
    }

    static Path write(Path file, Object result, JsonMapper mapper) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, mapper.writeValueAsString(result) + System.lineSeparator());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
