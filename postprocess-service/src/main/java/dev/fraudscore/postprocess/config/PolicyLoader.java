package dev.fraudscore.postprocess.config;

import dev.fraudscore.postprocess.domain.Policy;
import dev.fraudscore.postprocess.policy.InvalidPolicyException;
import dev.fraudscore.postprocess.policy.PolicyReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a policy from a location: {@code classpath:policy/x.yaml}, {@code file:/etc/x.yaml} or a plain path.
 * Plain paths are handled here rather than by Spring's resource loader, which would look for a path
 * starting with "/" in the web application's root instead of on disk.
 */
public final class PolicyLoader {

    private static final String CLASSPATH = "classpath:";
    private static final String FILE = "file:";

    private final PolicyReader reader = new PolicyReader();

    /** @throws InvalidPolicyException when the policy cannot be found, read or used */
    public Policy load(String location) {
        if (location == null || location.isBlank()) {
            throw new InvalidPolicyException("location", List.of("fraudscore.postprocess.policy is empty; "
                    + "set it to a policy file or leave it out to use " + PostprocessProperties.DEFAULT_POLICY + "."));
        }
        String trimmed = location.trim();
        return reader.read(trimmed.startsWith(CLASSPATH) ? fromClasspath(trimmed) : fromFile(trimmed), trimmed);
    }

    private static String fromClasspath(String location) {
        String name = location.substring(CLASSPATH.length()).replaceFirst("^/+", "");
        try (InputStream in = PolicyLoader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new InvalidPolicyException(location, List.of("it does not exist on the classpath."));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidPolicyException(location, List.of("it could not be read: " + e.getMessage() + "."));
        }
    }

    private static String fromFile(String location) {
        Path path = Path.of(location.startsWith(FILE) ? location.substring(FILE.length()) : location);
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidPolicyException(location, List.of("the file " + path.toAbsolutePath() + " does not exist."));
        } catch (IOException e) {
            throw new InvalidPolicyException(location,
                    List.of("the file " + path.toAbsolutePath() + " could not be read: " + e.getMessage() + "."));
        }
    }
}
