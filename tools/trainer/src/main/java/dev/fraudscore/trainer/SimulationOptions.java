package dev.fraudscore.trainer;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * What to simulate and on which feature set, shared by training and {@code export} so both see the same presets and
 * defaults.
 */
final class SimulationOptions {

    @Option(names = "--seed", description = "Seed of the simulation and the training (default 42; 7 with --small).")
    Long seed;

    @Option(names = "--cards", description = "Simulated cards (default 6000; 1500 with --small).")
    Integer cards;

    @Option(names = "--days", description = "Simulated days (default 90; 42 with --small).")
    Integer days;

    @Option(names = "--feature-set", description = "The feature set to train on, one this build knows, such as fraud_v2"
            + " (default ${DEFAULT-VALUE}); an unknown one is refused with the list.", defaultValue = TrainingConfig.DEFAULT_FEATURE_SET)
    String featureSet;

    @Option(names = "--small", description = "Use the small preset (seconds, for tests and demos) as the base.")
    boolean small;

    /** The preset with the options given on the command line applied over it. */
    TrainingConfig config(Path modelsDir) {
        TrainingConfig base = small ? TrainingConfig.small(modelsDir) : TrainingConfig.defaults(modelsDir);
        return base.withSeed(seed != null ? seed : base.seed())
                .withData(cards != null ? cards : base.cards(), days != null ? days : base.days())
                .withFeatureSet(featureSet);
    }
}
