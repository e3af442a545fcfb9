package dev.fraudscore.predictservice;

import dev.fraudscore.predictservice.model.LoadExecutor;
import java.util.ArrayList;
import java.util.List;

/** Holds model loads until released, so a test can watch the service before its model is ready. */
public final class HeldLoads implements LoadExecutor {

    private final List<Runnable> held = new ArrayList<>();
    private boolean released;

    @Override
    public synchronized void execute(Runnable load) {
        if (released) {
            LoadExecutor.backgroundThread().execute(load);
        } else {
            held.add(load);
        }
    }

    public synchronized void release() {
        released = true;
        held.forEach(LoadExecutor.backgroundThread()::execute);
        held.clear();
    }
}
