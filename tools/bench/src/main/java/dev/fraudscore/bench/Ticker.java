package dev.fraudscore.bench;

import java.util.concurrent.locks.LockSupport;

/** The open-loop sender's time source: a monotonic clock and a way to wait for a moment of it. Tests pass a fake. */
interface Ticker {

    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void parkUntil(long nanos) {
            // parkNanos may return early (spurious wake-ups, interrupts); loop until the moment has come
            for (long left = nanos - System.nanoTime(); left > 0; left = nanos - System.nanoTime()) {
                LockSupport.parkNanos(left);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        }
    };

    long nanoTime();

    /** Returns at {@code nanos} of {@link #nanoTime()}, at once when that moment has passed. */
    void parkUntil(long nanos);
}
