package dev.fraudscore.predictservice.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.predictservice.FakeModelVersion;
import dev.fraudscore.predictservice.TestManifests;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmupTest {

    @Test
    void warmsATorchScriptVersionWhoseManifestHasNoNormalisation() {
        ModelManifest m = TestManifests.fraudV1("fraud-torch", "1");
        ModelManifest torchScript = new ModelManifest(m.name(), m.version(), m.createdAt(), m.featureSet(), m.inputs(),
                m.output(), null, null, m.metrics(), m.suggestedThresholds(), "model.pt", m.training(),
                "torchscript", "sigmoid");
        FakeModelVersion model = new FakeModelVersion(torchScript, 0.2f);

        Warmup.Report report = new Warmup(List.of(1, 8), 2, 1024).run(model);

        assertThat(report.timings()).extracting(Warmup.Report.Timing::batchSize).containsExactly(1, 8);
        assertThat(model.batchSizes()).containsExactly(1, 1, 1, 1, 8, 8, 8);
    }
}
