package dev.fraudscore.predictservice.config;

import dev.fraudscore.predictservice.domain.ModelSlot;
import dev.fraudscore.predictservice.model.LoadExecutor;
import dev.fraudscore.predictservice.model.ModelLoader;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the model load in the background when the context starts, and releases the model when it stops.
 * Phase 0 runs before the gRPC server starts (its phase is {@code Integer.MAX_VALUE}) and stops after it
 * has stopped, so no call is in flight when the model is closed.
 */
public class ModelLoadingLifecycle implements SmartLifecycle {

    private final ModelLoader loader;
    private final LoadExecutor executor;
    private final ModelSlot slot;
    private volatile boolean running;

    public ModelLoadingLifecycle(ModelLoader loader, LoadExecutor executor, ModelSlot slot) {
        this.loader = loader;
        this.executor = executor;
        this.slot = slot;
    }

    @Override
    public void start() {
        running = true;
        executor.execute(loader);
    }

    @Override
    public void stop() {
        running = false;
        slot.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
