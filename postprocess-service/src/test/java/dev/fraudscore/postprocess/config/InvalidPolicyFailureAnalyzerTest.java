package dev.fraudscore.postprocess.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.postprocess.policy.InvalidPolicyException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class InvalidPolicyFailureAnalyzerTest {

    @Test
    void listsEveryProblemAndSaysWhatToDo() {
        InvalidPolicyException cause = new InvalidPolicyException("/etc/p.yaml", List.of("first.", "second."));

        FailureAnalysis analysis = new InvalidPolicyFailureAnalyzer()
                .analyze(new IllegalStateException("bean creation failed", cause));

        assertThat(analysis.getDescription()).isEqualTo("The policy /etc/p.yaml is invalid:"
                + System.lineSeparator() + "  - first." + System.lineSeparator() + "  - second.");
        assertThat(analysis.getAction()).contains("fraudscore.postprocess.policy");
    }
}
