package dev.fraudscore.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A batching configuration of a saturation run, written {@code maxBatchSize[/maxQueueDelay]} on the command line
 * ({@code 1}, {@code 32}, {@code 32/0ms}); without a delay the service's default applies. A size of 1 is
 * "without batching".
 *
 * @param maxQueueDelay a Spring duration ({@code 0ms}, {@code 500us}), or {@code null} for the service's default
 */
record BatchingChoice(int maxBatchSize, String maxQueueDelay) {

    BatchingChoice {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("a batch size is at least 1, not " + maxBatchSize);
        }
    }

    static BatchingChoice parse(String text) {
        String[] parts = text.trim().split("/", 2);
        try {
            return new BatchingChoice(Integer.parseInt(parts[0]), parts.length == 2 ? parts[1] : null);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not maxBatchSize[/maxQueueDelay], e.g. 32 or 32/0ms");
        }
    }

    boolean batches() {
        return maxBatchSize > 1;
    }

    /** For file names: {@code batch32}, {@code batch32-delay0ms}. */
    String tag() {
        return "batch" + maxBatchSize + (maxQueueDelay == null ? "" : "-delay" + maxQueueDelay);
    }

    String describe() {
        return "maxBatchSize " + maxBatchSize + (maxQueueDelay == null ? "" : ", maxQueueDelay " + maxQueueDelay);
    }

    /** The Spring arguments that set it as the default of every model (the bench repository has no config.yaml). */
    List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        arguments.add("--fraudscore.predict.defaults.max-batch-size=" + maxBatchSize);
        if (maxQueueDelay != null) {
            arguments.add("--fraudscore.predict.defaults.max-queue-delay=" + maxQueueDelay);
        }
        return arguments;
    }
}
