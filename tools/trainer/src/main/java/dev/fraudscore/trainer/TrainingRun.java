package dev.fraudscore.trainer;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.features.FeatureSets;
import dev.fraudscore.model.MlpNetwork;
import dev.fraudscore.model.ModelManifest.Architecture;
import dev.fraudscore.model.ModelManifest.Normalization;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.model.ModelRepository;
import dev.fraudscore.simulator.LabelledTransaction;
import dev.fraudscore.simulator.SimulationConfig;
import dev.fraudscore.simulator.Simulator;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A whole training run: simulate, replay through the serving feature code, split by time, standardise,
 * train, evaluate, write the model version and check that the written version scores as evaluated.
 */
public final class TrainingRun {

    public static final String OUTPUT = "fraud_probability";

    private TrainingRun() {
    }

    /** Trains and writes a new version of {@code config.modelName()}; returns its manifest. */
    public static ModelManifest run(TrainingConfig config) {
        return execute(config, new PrintStream(OutputStream.nullOutputStream())).manifest();
    }

    public static TrainingResult execute(TrainingConfig config, PrintStream log) {
        long started = System.nanoTime();
        FeatureSet featureSet = featureSet(config);
        SimulationConfig simulation = config.simulation();
        List<LabelledTransaction> transactions = Simulator.generate(simulation);
        LabelledRows all = FeatureReplay.replayWithLabels(transactions, featureSet);
        long cutoff = config.evaluationCutoff().toEpochMilli();
        int firstEval = all.firstAtOrAfter(cutoff);
        LabelledRows train = all.slice(0, firstEval);
        LabelledRows eval = all.slice(firstEval, all.size());
        requireBothClasses("training", train);
        requireBothClasses("evaluation", eval);
        log.printf("%.1f s: simulated %d transactions (%d fraudulent); training on %d rows before %s, evaluating on %d%n",
                seconds(started), all.size(), all.positives(), train.size(), Instant.ofEpochMilli(cutoff), eval.size());

        Normalization normalization =
                Standardization.withSteps(Standardization.fit(train.rows()), train, config.steps());
        Architecture architecture = config.architecture(featureSet.features().size());
        MlpTraining.Trained trained = MlpTraining.train(config, architecture, normalization, train, log);
        try (var model = trained.model()) {
            log.printf("%.1f s: trained%n", seconds(started));
            float[] scores = MlpNetwork.probabilities(model, normalization, eval.rows());
            Evaluation evaluation = Evaluation.of(scores, eval);
            Map<String, Object> split = splitInfo(simulation, cutoff, train, eval);
            ModelManifest draft = new ModelManifest(config.modelName(), "0", Instant.now().toString(),
                    new FeatureSetId(featureSet.name(), featureSet.version(), featureSet.fingerprint()),
                    featureSet.featureNames(), OUTPUT, architecture, normalization, evaluation.metrics(),
                    evaluation.thresholds(), null,
                    trainingInfo(config, simulation, transactions, split, trained.epochLoss(), started));
            ModelRepository repository = new ModelRepository(config.modelsDir());
            VersionWriter.Written written = VersionWriter.write(repository, draft, model, evaluation, split, log);
            TrainingResult.CheckedRows checked = ScoreCheck.verify(repository, written.manifest(), eval, scores);
            log.printf("%.1f s: wrote and reloaded %s%n", seconds(started), written.directory());
            return new TrainingResult(written.manifest(), written.directory(), evaluation,
                    Duration.ofNanos(System.nanoTime() - started), checked);
        }
    }

    /** The feature set the run trains on: the code feature-service runs. */
    static FeatureSet featureSet(TrainingConfig config) {
        return FeatureSets.find(config.featureSet()).orElseThrow(() -> new TrainingException("this build does not know"
                + " feature set " + config.featureSet() + "; known: "
                + FeatureSets.all().stream().map(FeatureSet::id).toList()));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void requireBothClasses(String slice, LabelledRows rows) {
        int positives = rows.positives();
        if (positives == 0 || positives == rows.size()) {
            throw new TrainingException("the " + slice + " slice has " + positives + " fraudulent rows out of "
                    + rows.size() + "; simulate more cards or days so it holds both fraud and genuine payments");
        }
    }

    private static Map<String, Object> splitInfo(SimulationConfig simulation, long cutoff, LabelledRows train,
            LabelledRows eval) {
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("trainFrom", simulation.start().toString());
        split.put("evalFrom", Instant.ofEpochMilli(cutoff).toString());
        split.put("evalUntil", simulation.end().toString());
        split.put("trainRows", train.size());
        split.put("trainFraudRows", train.positives());
        split.put("evalRows", eval.size());
        split.put("evalFraudRows", eval.positives());
        return split;
    }

    private static Map<String, Object> trainingInfo(TrainingConfig config, SimulationConfig simulation,
            List<LabelledTransaction> transactions, Map<String, Object> split, double[] epochLoss, long started) {
        Map<String, Integer> patterns = new TreeMap<>();
        for (LabelledTransaction t : transactions) {
            if (t.fraud()) {
                patterns.merge(t.pattern().label(), 1, Integer::sum);
            }
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("seed", config.seed());
        info.put("cards", config.cards());
        info.put("days", config.days());
        info.put("simulationStart", simulation.start().toString());
        info.put("rows", transactions.size());
        info.put("featureSet", config.featureSet());
        info.put("labelReportLag", LabelledTransaction.REPORT_LAG.toString());
        info.put("split", split);
        info.put("patterns", patterns);
        info.put("epochs", config.epochs());
        info.put("batchSize", config.batchSize());
        info.put("learningRate", config.learningRate());
        info.put("positiveShare", config.positiveShare());
        info.put("steps", config.steps());
        info.put("optimizer", "adam");
        info.put("loss", "sigmoid_binary_cross_entropy_from_logits");
        info.put("epochLoss", epochLoss);
        info.put("engine", MlpTraining.ENGINE + " " + Engine.getEngine(MlpTraining.ENGINE).getVersion());
        info.put("device", Device.cpu().toString());
        info.put("trainingSeconds", Math.round(seconds(started) * 100) / 100.0);
        return info;
    }
}
