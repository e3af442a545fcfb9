package dev.fraudscore.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Latency against offered rate, p50, p99 and p99.9 of each measured window of a sweep, drawn with XChart. */
final class SweepPlot {

    private SweepPlot() {
    }

    static XYChart chart(List<ChainResult> sweep, String title) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title)
                .xAxisTitle("offered rate (requests/s)").yAxisTitle("latency from intended send time (ms, log scale)")
                .build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        double[] rates = values(sweep, ChainResult::targetRate);
        chart.addSeries("p50", rates, values(sweep, r -> r.latencyMs().p50())).setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("p99", rates, values(sweep, r -> r.latencyMs().p99())).setMarker(SeriesMarkers.DIAMOND);
        chart.addSeries("p99.9", rates, values(sweep, r -> r.latencyMs().p999())).setMarker(SeriesMarkers.SQUARE);
        return chart;
    }

    static Path write(Path file, XYChart chart) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static double[] values(List<ChainResult> sweep, ToDoubleFunction<ChainResult> value) {
        // a log axis cannot show 0 (a window without answers): draw it at 0.001 ms
        return sweep.stream().mapToDouble(value).map(v -> Math.max(v, 0.001)).toArray();
    }
}
