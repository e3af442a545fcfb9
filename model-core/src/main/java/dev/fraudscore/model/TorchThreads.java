package dev.fraudscore.model;

import ai.djl.pytorch.jni.JniUtils;
import java.util.function.IntConsumer;

/**
 * Gives every thread that runs a forward pass the PyTorch thread count the JVM was configured with
 * ({@code ai.djl.pytorch.num_threads}, which {@link MlpNetwork#preferSingleThread()} sets to 1).
 * <p>
 * DJL applies that count when the engine starts, but OpenMP and MKL keep it per OS thread: on any other thread a
 * matrix product still starts a team of one OpenMP thread per core, and the caller then spins at the team's
 * barrier until the others have run. On a busy host that spin was most of predict-service's CPU (README "CPU
 * budget"). So each scoring thread sets the count once, on its first forward pass.
 */
final class TorchThreads {

    private static final String PROPERTY = "ai.djl.pytorch.num_threads";
    private static final ThreadLocal<Boolean> APPLIED = ThreadLocal.withInitial(() -> false);

    private TorchThreads() {
    }

    /** Applies the configured count to the calling thread, once per thread; nothing when none is configured. */
    static void applyToCurrentThread() {
        applyToCurrentThread(System.getProperty(PROPERTY), JniUtils::setNumThreads);
    }

    static void applyToCurrentThread(String configured, IntConsumer setter) {
        if (APPLIED.get() || configured == null) {
            return;
        }
        setter.accept(Integer.parseInt(configured.trim()));
        APPLIED.set(true);
    }
}
