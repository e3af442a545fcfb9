package dev.fraudscore.postprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.postprocess.policy.InvalidPolicyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A bad policy stops the service at startup with sentences, not a stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class BadPolicyStartupIT {

    @Test
    void refusesToStartAndSaysWhatIsWrong(@TempDir Path dir, CapturedOutput output) throws IOException {
        Path policy = Files.writeString(dir.resolve("bad.yaml"), """
                version: "broken-1"
                thresholds: { default: { review: 0.9, decline: 0.5 } }
                rules:
                  - { code: X, feature: f, operator: "=>", value: 1, text: "t", weight: 0.5 }
                """);

        assertThatThrownBy(() -> new SpringApplicationBuilder(PostprocessServiceApplication.class).run(
                "--fraudscore.postprocess.policy=" + policy, "--server.port=0", "--spring.grpc.server.port=0"))
                .isInstanceOf(InvalidPolicyException.class);

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("The policy " + policy + " is invalid:")
                .contains("  - thresholds.default must have review below decline, but review is 0.9 and decline 0.5.")
                .contains("  - rules[0] (X).operator must be one of >=, >, <=, <, ==, but was '=>'.")
                .doesNotContain("\tat dev.fraudscore")
                .doesNotContain("Error creating bean")
                .doesNotContain("Tomcat initialized");
    }
}
