package dev.fraudscore.trainer;

import dev.fraudscore.trainer.BinaryMetrics.Confusion;
import dev.fraudscore.trainer.BinaryMetrics.PrPoint;
import java.awt.AWTError;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws the precision-recall curve of the evaluation slice, with the suggested thresholds marked. */
final class PrCurveChart {

    static final String FILE_NAME = "pr-curve.png";

    private PrCurveChart() {
    }

    /**
     * Writes the plot and returns true, or returns false when this JVM cannot draw (no fonts, no AWT
     * libraries, as in slim container images): a missing picture must not cost a trained model.
     */
    static boolean write(Path dir, String title, Evaluation evaluation, PrintStream log) {
        try {
            draw(dir, title, evaluation);
            return true;
        } catch (LinkageError | AWTError | InternalError e) {
            log.println("could not draw the PR curve, this JVM has no working AWT: " + e);
            return false;
        }
    }

    private static void draw(Path dir, String title, Evaluation evaluation) {
        // no display on build machines and servers; AWT must not try to open one
        System.setProperty("java.awt.headless", "true");
        List<PrPoint> curve = evaluation.prCurve();
        double[] recall = new double[curve.size() + 1];
        double[] precision = new double[curve.size() + 1];
        recall[0] = 0;
        precision[0] = curve.isEmpty() ? 1 : curve.get(0).precision();
        for (int i = 0; i < curve.size(); i++) {
            recall[i + 1] = curve.get(i).recall();
            precision[i + 1] = curve.get(i).precision();
        }
        XYChart chart = new XYChartBuilder().width(800).height(600)
                .title(String.format(Locale.ROOT, "%s  (PR-AUC %.3f, ROC-AUC %.3f)", title, evaluation.prAuc(), evaluation.rocAuc()))
                .xAxisTitle("recall").yAxisTitle("precision").build();
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setLegendPosition(LegendPosition.InsideSW).setMarkerSize(10);
        chart.addSeries("precision-recall", recall, precision).setMarker(SeriesMarkers.NONE);
        mark(chart, "review @ 1% FPR", evaluation.atReview());
        mark(chart, "decline @ 0.1% FPR", evaluation.atDecline());
        Path file = dir.resolve(FILE_NAME);
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new TrainingException("cannot write the PR-curve plot " + file + ": " + e.getMessage(), e);
        }
    }

    private static void mark(XYChart chart, String name, Confusion at) {
        String label = String.format(Locale.ROOT, "%s (t=%.3f)", name, at.threshold());
        chart.addSeries(label, new double[] {at.recall()}, new double[] {at.precision()})
                .setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
    }
}
