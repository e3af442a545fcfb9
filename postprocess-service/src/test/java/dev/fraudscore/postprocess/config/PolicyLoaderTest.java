package dev.fraudscore.postprocess.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fraudscore.postprocess.policy.InvalidPolicyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {

    private static final String POLICY = """
            version: from-disk
            thresholds: { default: { review: 0.5, decline: 0.85 } }
            """;

    private final PolicyLoader loader = new PolicyLoader();

    @Test
    void loadsTheBundledDefault() {
        assertThat(loader.load(PostprocessProperties.DEFAULT_POLICY).version()).isNotBlank();
    }

    @Test
    void loadsPlainPathsAndFileUrls(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("policy.yaml"), POLICY);

        assertThat(loader.load(file.toString()).version()).isEqualTo("from-disk");
        assertThat(loader.load("file:" + file).version()).isEqualTo("from-disk");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");

        InvalidPolicyException e = catchThrowableOfType(InvalidPolicyException.class, () -> loader.load(missing.toString()));

        assertThat(e.problems()).containsExactly("the file " + missing.toAbsolutePath() + " does not exist.");
    }

    @Test
    void aMissingClasspathResourceIsNamed() {
        InvalidPolicyException e = catchThrowableOfType(InvalidPolicyException.class,
                () -> loader.load("classpath:policy/nope.yaml"));

        assertThat(e.getMessage()).isEqualTo("The policy classpath:policy/nope.yaml is invalid: it does not exist on the classpath.");
    }

    @Test
    void anEmptyLocationSaysWhichPropertyToSet() {
        InvalidPolicyException e = catchThrowableOfType(InvalidPolicyException.class, () -> loader.load(" "));

        assertThat(e.problems()).singleElement().asString().startsWith("fraudscore.postprocess.policy is empty");
    }
}
