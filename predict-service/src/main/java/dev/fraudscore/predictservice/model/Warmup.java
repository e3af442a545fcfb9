package dev.fraudscore.predictservice.model;

import dev.fraudscore.model.InvalidModelException;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.predictservice.domain.ModelVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Scores rows of zeros and plausible rows of several batch sizes before the model is declared ready, so
 * the first real request does not pay for lazy native initialisation, and a model that answers NaN or a
 * value outside [0, 1] is never served.
 */
public final class Warmup {

    /** The best time per batch size, and the time of the first (coldest) call. */
    public record Report(double firstCallMillis, List<Timing> timings, double totalMillis) {

        public record Timing(int batchSize, double bestMillis) {
        }

        public String describe() {
            StringBuilder text = new StringBuilder(
                    String.format(Locale.ROOT, "first call (1 row of zeros) %.1f ms", firstCallMillis));
            if (!timings.isEmpty()) {
                text.append("; best time by batch size:");
                for (Timing timing : timings) {
                    text.append(String.format(Locale.ROOT, " %d -> %.2f ms,", timing.batchSize(), timing.bestMillis()));
                }
                text.setLength(text.length() - 1);
            }
            return text.append(String.format(Locale.ROOT, "; %.0f ms in all", totalMillis)).toString();
        }
    }

    private final List<Integer> batchSizes;
    private final int rounds;

    /** Batch sizes above {@code maxRows} are skipped: no request can be that large. */
    public Warmup(List<Integer> batchSizes, int rounds, int maxRows) {
        this.batchSizes = batchSizes.stream().filter(size -> size <= maxRows).distinct().sorted().toList();
        this.rounds = rounds;
    }

    /**
     * The warm-up of a version whose batches hold up to {@code maxBatchSize} rows: every power of two up to
     * it and the size itself (the forward passes it will run), besides the configured sizes (single large
     * requests, which run alone).
     */
    public Warmup forBatchesUpTo(int maxBatchSize, int maxRows) {
        List<Integer> sizes = new ArrayList<>(batchSizes);
        for (int size = 1; size < maxBatchSize; size *= 2) {
            sizes.add(size);
        }
        sizes.add(maxBatchSize);
        return new Warmup(sizes, rounds, maxRows);
    }

    public Report run(ModelVersion model) {
        long start = System.nanoTime();
        int width = model.manifest().inputs().size();
        float[][] zeros = new float[1][width];
        check(model, "a row of zeros", model.score(zeros));
        double first = millisSince(start);

        SplittableRandom random = new SplittableRandom(42);
        List<Report.Timing> timings = new ArrayList<>();
        for (int size : batchSizes) {
            float[][] rows = plausibleRows(model.manifest(), size, random);
            check(model, "zeros in a batch of " + size, model.score(new float[size][width]));
            double best = Double.MAX_VALUE;
            for (int round = 0; round < rounds; round++) {
                long t0 = System.nanoTime();
                float[] scores = model.score(rows);
                best = Math.min(best, millisSince(t0));
                check(model, "a batch of " + size + " rows", scores);
            }
            if (rounds > 0) {
                timings.add(new Report.Timing(size, best));
            }
        }
        return new Report(first, timings, millisSince(start));
    }

    /**
     * Rows around the training distribution: mean plus a standard normal multiple of std per input. A
     * manifest without normalisation (a TorchScript module that standardises inside) tells no distribution,
     * so its rows are standard normal draws: they still run every code path at every batch size.
     */
    private static float[][] plausibleRows(ModelManifest manifest, int count, SplittableRandom random) {
        ModelManifest.Normalization normalization = manifest.normalization();
        float[][] rows = new float[count][manifest.inputs().size()];
        for (float[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                double draw = gaussian(random);
                row[c] = (float) (normalization == null ? draw : normalization.mean()[c] + normalization.std()[c] * draw);
            }
        }
        return rows;
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on JDK 17.
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static void check(ModelVersion model, String what, float[] scores) {
        for (float score : scores) {
            if (!(score >= 0f && score <= 1f)) {
                throw new InvalidModelException("warm-up of " + model.ref() + " scored " + what + " as " + score
                        + ", not a probability in [0, 1]; the model version cannot be served (check its weights"
                        + " and the normalisation in its manifest)");
            }
        }
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }
}
