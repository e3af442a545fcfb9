package dev.fraudscore.trainer;

import dev.fraudscore.trainer.BinaryMetrics.Confusion;
import dev.fraudscore.trainer.BinaryMetrics.PrPoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@code evaluation.json} (for tools) and {@code evaluation.md} (for people) beside the weights. */
final class EvaluationReport {

    static final String JSON_FILE = "evaluation.json";
    static final String MARKDOWN_FILE = "evaluation.md";
    private static final int CURVE_POINTS = 200;
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private EvaluationReport() {
    }

    /** {@code split} describes the time-based split (instants and row counts). */
    static void write(Path dir, String model, Map<String, Object> split, Evaluation e, boolean withPlot) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("model", model);
        report.put("split", split);
        report.put("evaluationRows", e.rows());
        report.put("evaluationFraudRows", e.positives());
        report.put("metrics", e.metrics());
        Map<String, Object> thresholds = new LinkedHashMap<>();
        thresholds.put("review", confusion(e.atReview(), Evaluation.REVIEW_FPR));
        thresholds.put("decline", confusion(e.atDecline(), Evaluation.DECLINE_FPR));
        report.put("thresholds", thresholds);
        report.put("fraudRowsByPattern", e.positivesByPattern());
        report.put("recallByPatternAtReview", e.recallByPatternAtReview());
        report.put("prCurve", thinned(e.prCurve()));
        report.put("prCurvePlot", withPlot ? PrCurveChart.FILE_NAME : null);
        try {
            JSON.writeValue(dir.resolve(JSON_FILE).toFile(), report);
            Files.writeString(dir.resolve(MARKDOWN_FILE), markdown(model, split, e, withPlot), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException ex) {
            throw new TrainingException("cannot write the evaluation report in " + dir + ": " + ex.getMessage(), ex);
        }
    }

    private static Map<String, Object> confusion(Confusion c, double targetFpr) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("threshold", c.threshold());
        m.put("targetFalsePositiveRate", targetFpr);
        m.put("truePositives", c.truePositives());
        m.put("falsePositives", c.falsePositives());
        m.put("trueNegatives", c.trueNegatives());
        m.put("falseNegatives", c.falseNegatives());
        m.put("precision", c.precision());
        m.put("recall", c.recall());
        m.put("falsePositiveRate", c.falsePositiveRate());
        return m;
    }

    /** At most about {@link #CURVE_POINTS} points, evenly spread over the curve, always with its ends. */
    private static List<PrPoint> thinned(List<PrPoint> curve) {
        if (curve.size() <= CURVE_POINTS) {
            return curve;
        }
        List<PrPoint> out = new ArrayList<>();
        double step = (curve.size() - 1) / (double) (CURVE_POINTS - 1);
        for (int i = 0; i < CURVE_POINTS; i++) {
            out.add(curve.get((int) Math.round(i * step)));
        }
        return out;
    }

    private static String markdown(String model, Map<String, Object> split, Evaluation e, boolean withPlot) {
        StringBuilder md = new StringBuilder();
        md.append("# Evaluation of ").append(model).append("\n\n");
        md.append(String.format(Locale.ROOT, "Time-based split: trained on %s to %s (%s rows, %s fraudulent), "
                + "evaluated on %s to %s.%n%n", split.get("trainFrom"), split.get("evalFrom"), split.get("trainRows"),
                split.get("trainFraudRows"), split.get("evalFrom"), split.get("evalUntil")));
        md.append(String.format(Locale.ROOT, "Evaluation slice: %d transactions, %d fraudulent (%.2f %%).%n%n",
                e.rows(), e.positives(), 100.0 * e.positives() / e.rows()));
        md.append("| metric | value |\n| --- | --- |\n");
        e.metrics().forEach((k, v) -> md.append(String.format(Locale.ROOT, "| %s | %.4f |%n", k, v)));
        md.append("\n| threshold | score | TP | FP | TN | FN | precision | recall | FPR |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        row(md, "review (1 % FPR)", e.atReview());
        row(md, "decline (0.1 % FPR)", e.atDecline());
        md.append("\n| pattern | fraud rows | recall at review |\n| --- | --- | --- |\n");
        e.positivesByPattern().forEach((p, n) -> md.append(String.format(Locale.ROOT, "| %s | %d | %.3f |%n",
                p, n, e.recallByPatternAtReview().get(p))));
        if (withPlot) {
            md.append("\n![precision-recall curve](").append(PrCurveChart.FILE_NAME).append(")\n");
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String name, Confusion c) {
        md.append(String.format(Locale.ROOT, "| %s | %.4f | %d | %d | %d | %d | %.3f | %.3f | %.4f |%n", name,
                c.threshold(), c.truePositives(), c.falsePositives(), c.trueNegatives(), c.falseNegatives(),
                c.precision(), c.recall(), c.falsePositiveRate()));
    }
}
