package dev.fraudscore.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes a result as {@code <dir>/predict-<benchmark>.json}, replacing the last one. */
final class ResultFile {

    static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ResultFile() {
    }

    static Path write(Path dir, BenchResult result) {
        Path file = dir.resolve("predict-" + result.benchmark() + ".json");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, JSON.writeValueAsString(result) + System.lineSeparator());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
