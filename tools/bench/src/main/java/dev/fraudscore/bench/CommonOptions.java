package dev.fraudscore.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What every benchmark needs: where the model and the jars are, how to start the server, where results go. */
final class CommonOptions {

    @Option(names = "--models-dir", description = "Model repository whose newest version of --model is served "
            + "(copied; never changed). Default: train the default model with the trainer's --small preset into a "
            + "temporary folder.")
    Path modelsDir;

    @Option(names = "--model", description = "Model name (default ${DEFAULT-VALUE}).")
    String model = "fraud-mlp";

    @Option(names = "--out", description = "Where the JSON results and the server logs go (default ${DEFAULT-VALUE}).")
    Path out = Path.of(".run", "bench");

    @Option(names = "--server-jar", description = "predict-service's jar (default ${DEFAULT-VALUE}).")
    Path serverJar = Path.of("predict-service", "target", "predict-service-0.1.0-SNAPSHOT-exec.jar");

    @Option(names = "--trainer-jar", description = "The trainer, used when no --models-dir is given (default ${DEFAULT-VALUE}).")
    Path trainerJar = Path.of("tools", "trainer", "target", "trainer-0.1.0-SNAPSHOT-exec.jar");

    @Option(names = "--server-jvm-options", description = "JVM options of predict-service, as ./fraudscore up gives "
            + "them (default '${DEFAULT-VALUE}').")
    String serverJvmOptions = "-Xms64m -Xmx512m";

    @Option(names = "--server-arg", description = "A Spring argument for every predict-service started, e.g. "
            + "--server-arg=--fraudscore.predict.defaults.max-queue-delay=1ms (repeatable).")
    List<String> serverArguments = new ArrayList<>();

    @Option(names = "--deadline-ms", description = "Deadline of each call (default ${DEFAULT-VALUE}).")
    long deadlineMillis = 5_000;
}
