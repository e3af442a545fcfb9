package dev.fraudscore.predictservice.model;

import dev.fraudscore.predictservice.domain.ModelRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps what the model manager told the rest of the service. */
final class RecordingEvents implements ModelEvents {

    final List<String> loadFailures = new CopyOnWriteArrayList<>();
    final List<String> routingRefusals = new CopyOnWriteArrayList<>();
    final AtomicInteger changes = new AtomicInteger();

    @Override
    public void loadFailed(String model, String version) {
        loadFailures.add(model + "/" + version);
    }

    @Override
    public void routingRefused(String model) {
        routingRefusals.add(model);
    }

    @Override
    public void changed(ModelRegistry registry) {
        changes.incrementAndGet();
    }
}
