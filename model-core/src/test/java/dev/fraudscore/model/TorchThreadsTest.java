package dev.fraudscore.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** PyTorch's thread count is per OS thread: every scoring thread sets it, once. */
class TorchThreadsTest {

    @Test
    void eachThreadAppliesTheConfiguredCountOnce() throws Exception {
        List<String> calls = new ArrayList<>();
        Runnable score = () -> TorchThreads.applyToCurrentThread("1", n -> {
            synchronized (calls) {
                calls.add(Thread.currentThread().getName() + "=" + n);
            }
        });
        Thread first = new Thread(() -> {
            score.run();
            score.run();
        }, "first");
        first.start();
        first.join();
        Thread second = new Thread(score, "second");
        second.start();
        second.join();
        assertThat(calls).containsExactly("first=1", "second=1");
    }

    @Test
    void leavesPyTorchAloneWhenNoCountIsConfigured() throws Exception {
        List<Integer> calls = new ArrayList<>();
        CompletableFuture.runAsync(() -> TorchThreads.applyToCurrentThread(null, calls::add)).get();
        assertThat(calls).isEmpty();
    }
}
