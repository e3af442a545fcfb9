package dev.fraudscore.predictservice;

import dev.fraudscore.model.ModelRepository;
import dev.fraudscore.predictservice.domain.ModelVersion;
import dev.fraudscore.predictservice.model.ModelOpener;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens versions through another opener (DJL, or fakes), counting the opens of each version, and hands out each
 * version behind a {@link GatedModelVersion} that the test can reach by its ref. While opens are held, an open
 * waits until they are released: the service is then stuck loading, as with a large model.
 */
public final class TestOpener implements ModelOpener {

    private final ModelOpener delegate;
    private final Map<String, AtomicInteger> opens = new ConcurrentHashMap<>();
    private final Map<String, GatedModelVersion> opened = new ConcurrentHashMap<>();
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private volatile CountDownLatch openGate = new CountDownLatch(0);

    public TestOpener(ModelOpener delegate) {
        this.delegate = delegate;
    }

    /** DJL in-process, as the service runs it. */
    public static TestOpener djl() {
        return new TestOpener(ModelOpener.djl());
    }

    @Override
    public ModelVersion open(ModelRepository repository, String name, String version, String device) {
        String ref = name + "/" + version;
        opens.computeIfAbsent(ref, r -> new AtomicInteger()).incrementAndGet();
        waiting.add(ref);
        try {
            openGate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + ref + " was held", e);
        } finally {
            waiting.remove(ref);
        }
        GatedModelVersion model = new GatedModelVersion(delegate.open(repository, name, version, device));
        opened.put(ref, model);
        return model;
    }

    /** From now on, opens wait for {@link #releaseOpens()}. */
    public void holdOpens() {
        openGate = new CountDownLatch(1);
    }

    public void releaseOpens() {
        openGate.countDown();
    }

    /** Whether the open of {@code ref} ({@code name/version}) is waiting to be released. */
    public boolean opening(String ref) {
        return waiting.contains(ref);
    }

    public int opens(String ref) {
        AtomicInteger count = opens.get(ref);
        return count == null ? 0 : count.get();
    }

    /** The version last opened as {@code ref}. */
    public GatedModelVersion version(String ref) {
        GatedModelVersion model = opened.get(ref);
        if (model == null) {
            throw new IllegalStateException(ref + " was never opened; opened: " + opened.keySet());
        }
        return model;
    }
}
