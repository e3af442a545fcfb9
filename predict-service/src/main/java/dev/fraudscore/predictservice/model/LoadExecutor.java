package dev.fraudscore.predictservice.model;

/**
 * Runs a model load. The service runs it on a thread of its own so the gRPC server starts (and answers
 * health checks with NOT_SERVING) while the model loads; tests hold it to watch that state.
 */
@FunctionalInterface
public interface LoadExecutor {

    void execute(Runnable load);

    /** A new daemon thread per load: loads are rare, and a daemon never keeps a stopping JVM alive. */
    static LoadExecutor backgroundThread() {
        return load -> {
            Thread thread = new Thread(load, "model-loader");
            thread.setDaemon(true);
            thread.start();
        };
    }
}
