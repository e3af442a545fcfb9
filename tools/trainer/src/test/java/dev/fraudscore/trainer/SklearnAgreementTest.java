package dev.fraudscore.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Average precision is step-wise, as scikit-learn's {@code average_precision_score} computes it (no interpolation,
 * ties as one step). The expected values were computed with scikit-learn; when it is installed, the test asks it again.
 */
class SklearnAgreementTest {

    private static final float[] SCORES = {0.9f, 0.8f, 0.8f, 0.7f, 0.6f, 0.6f, 0.6f, 0.5f, 0.4f, 0.3f, 0.3f, 0.2f,
        0.1f, 0.05f};
    private static final float[] LABELS = {1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1};
    private static final double SKLEARN_AP = 0.6452020202020202;
    private static final double SKLEARN_ROC_AUC = 0.6458333333333333;

    @Test
    void averagePrecisionAndRocAucMatchScikitLearnWithTies() {
        assertThat(BinaryMetrics.averagePrecision(SCORES, LABELS)).isCloseTo(SKLEARN_AP, within(1e-12));
        assertThat(BinaryMetrics.rocAuc(SCORES, LABELS)).isCloseTo(SKLEARN_ROC_AUC, within(1e-12));
    }

    @Test
    void scikitLearnStillSaysSo() throws Exception {
        String[] live = sklearn();
        assumeThat(live).as("python3 with scikit-learn (apt-get install python3-sklearn)").isNotNull();
        assertThat(Double.parseDouble(live[0])).isCloseTo(BinaryMetrics.averagePrecision(SCORES, LABELS), within(1e-9));
        assertThat(Double.parseDouble(live[1])).isCloseTo(BinaryMetrics.rocAuc(SCORES, LABELS), within(1e-9));
    }

    /** {@code [ap, rocAuc]} from scikit-learn, or null when python3 or scikit-learn is missing. */
    private static String[] sklearn() throws IOException, InterruptedException {
        Path python = Path.of("/usr/bin/python3");
        if (!Files.isExecutable(python)) {
            return null;
        }
        String script = "from sklearn.metrics import average_precision_score as ap, roc_auc_score as auc\n"
                + "s = " + Arrays.toString(SCORES) + "\ny = " + Arrays.toString(LABELS) + "\n"
                + "print(repr(ap(y, s)), repr(auc(y, s)))\n";
        Process p = new ProcessBuilder(python.toString(), "-c", script).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return null;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return p.exitValue() == 0 ? out.split(" ") : null;
    }
}
