package dev.fraudscore.trainer;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trainer export --out rows.csv}: the training rows as CSV plus a JSON sidecar, for PyTorch. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Simulates labelled transactions as training does, replays them in time order through the "
                + "serving feature code and writes the rows as CSV, with a JSON sidecar <out>.json (feature set, "
                + "fingerprint, inputs, rows, the trainer's time-split cutoff).")
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "The CSV file to write; the sidecar goes to <out>.json.")
    Path out;

    @Mixin
    SimulationOptions simulation;

    @Override
    public Integer call() {
        // the models directory plays no part in an export
        TrainingConfig config = simulation.config(Path.of("models"));
        long started = System.nanoTime();
        FeatureExport.Written written = FeatureExport.write(config, out);
        System.out.printf(Locale.ROOT, "exported %d rows (%d fraudulent) of feature set %s to %s in %.1f s; sidecar %s;"
                        + " rows before %s train, the rest evaluate%n",
                written.rows(), written.fraudRows(), config.featureSet(), written.csv(),
                (System.nanoTime() - started) / 1e9, written.sidecar(), written.cutoff());
        return 0;
    }
}
