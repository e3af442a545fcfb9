package dev.fraudscore.trainer;

import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.model.ModelRepository;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code java -jar trainer-exec.jar --models-dir models}: trains a model version from simulated data;
 * {@code ... export --out rows.csv}: writes the same simulated rows for training elsewhere (PyTorch).
 */
@Command(name = "trainer", mixinStandardHelpOptions = true, version = "fraudscore trainer 0.1.0",
        description = "Simulates labelled transactions, trains a fraud MLP on the serving feature code, "
                + "evaluates it on a later time slice and writes models/<name>/<version>/.",
        subcommands = ExportCommand.class)
public final class TrainerCommand implements Callable<Integer> {

    @Option(names = "--models-dir", defaultValue = "models", description = "Model repository directory (default ${DEFAULT-VALUE}).")
    Path modelsDir;

    @Option(names = "--name", defaultValue = TrainingConfig.DEFAULT_MODEL_NAME, description = "Model name (default ${DEFAULT-VALUE}).")
    String name;

    @Mixin
    SimulationOptions simulation;

    @Mixin
    SplitOptions split;

    @Option(names = "--epochs", description = "Training epochs (default 12; 8 with --small).")
    Integer epochs;

    @Option(names = "--hidden", split = ",", description = "Hidden layer widths of the MLP (default 32,16).")
    List<Integer> hidden;

    @Option(names = "--learning-rate", description = "Adam's learning rate (default 0.002; 0.003 with --small).")
    Float learningRate;

    @Option(names = "--positive-share", description = "Share of fraud rows mini-batches are oversampled to; 0 trains"
            + " on the natural mix (default 0.1).")
    Double positiveShare;

    @Option(names = "--members", defaultValue = "1", description = "Networks trained side by side from different"
            + " initial weights and served as one model, the mean of their logits (default ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--dropout", defaultValue = "0", description = "Share of each hidden layer's units dropped while"
            + " training (default ${DEFAULT-VALUE}).")
    float dropout;

    @Option(names = "--steps", defaultValue = "1", description = "Thresholds per input the trainer picks from the"
            + " training labels (a small tree on that input alone); the network sees x >= t beside each standardised"
            + " input, so it can form a sharp edge; 0 for none (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--if-empty", description = "Do nothing when the model already has a version.")
    boolean ifEmpty;

    @Option(names = "--quiet", description = "Print only the result.")
    boolean quiet;

    @Override
    public Integer call() {
        ModelRepository repository = new ModelRepository(modelsDir);
        Optional<String> newest = repository.newestVersion(name);
        if (ifEmpty && newest.isPresent()) {
            System.out.println("model " + name + " already has version " + newest.get() + " in " + modelsDir
                    + "; nothing to do (--if-empty)");
            return 0;
        }
        TrainingConfig base = simulation.config(modelsDir);
        TrainingConfig config = base.withModelName(name).withEpochs(epochs != null ? epochs : base.epochs())
                .withNetwork(hidden != null ? hidden : base.hidden(),
                        learningRate != null ? learningRate : base.learningRate(),
                        positiveShare != null ? positiveShare : base.positiveShare())
                .withEnsemble(members, dropout).withSteps(steps);
        PrintStream log = quiet ? new PrintStream(OutputStream.nullOutputStream()) : System.out;
        if (split.requested()) {
            return evaluate(config, log);
        }
        TrainingResult result = TrainingRun.execute(config, log);
        print(result);
        return 0;
    }

    private int evaluate(TrainingConfig config, PrintStream log) {
        TimeSplit timeSplit = split.split();
        var history = split.historyFormat().read(split.input);
        log.printf("read %d transactions from %s%n", history.size(), split.input);
        SplitRun.Result result = SplitRun.execute(config, split.input, history, timeSplit, log);
        Path report = SplitReport.write(result, split.reportDir(modelsDir, name, config.featureSet()));
        SplitReport.print(result, System.out);
        System.out.printf(Locale.ROOT, "%s written in %.1f s%n", report, result.seconds());
        return 0;
    }

    private static void print(TrainingResult result) {
        ModelManifest m = result.manifest();
        System.out.printf(Locale.ROOT, "model %s/%s written to %s in %.1f s%n", m.name(), m.version(),
                result.directory(), result.elapsed().toMillis() / 1000.0);
        m.metrics().forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-22s %.4f%n", k, v));
        System.out.printf(Locale.ROOT, "  suggested thresholds: review %.4f, decline %.4f%n",
                m.suggestedThresholds().review(), m.suggestedThresholds().decline());
    }

    public static void main(String[] args) {
        // before anything touches DJL: the natives come from the classpath, never from the network
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("java.awt.headless", "true");
        if (System.getProperty("org.slf4j.simpleLogger.log.ai.djl") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl", "warn");
            // on a machine without a GPU driver DJL warns twice that it found none; the trainer runs on the CPU anyway
            System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda", "error");
        }
        CommandLine cli = new CommandLine(new TrainerCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            String what = commandLine.getCommand() instanceof ExportCommand ? "export" : "training";
            commandLine.getErr().println(what + " failed: " + e.getMessage());
            return 1;
        });
        System.exit(cli.execute(args));
    }
}
