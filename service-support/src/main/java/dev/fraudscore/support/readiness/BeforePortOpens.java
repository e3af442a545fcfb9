package dev.fraudscore.support.readiness;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Work that must be done before the application's web server opens its port, such as a warm-up: a JVM that takes
 * traffic while classes load and the JIT compiles misses deadlines, and under load opens the circuit breakers of
 * healthy downstreams. It runs in the lifecycle phase just before the web server's, which starts only after
 * {@link #beforePortOpens()} returns.
 */
public abstract class BeforePortOpens implements SmartLifecycle {

    private volatile boolean running;

    /** Runs once at start; the port opens when it returns, whatever it did. */
    protected abstract void beforePortOpens();

    @Override
    public final void start() {
        beforePortOpens();
        running = true;
    }

    @Override
    public final void stop() {
        running = false;
    }

    @Override
    public final boolean isRunning() {
        return running;
    }

    @Override
    public final int getPhase() {
        return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;
    }
}
