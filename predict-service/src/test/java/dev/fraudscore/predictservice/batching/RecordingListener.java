package dev.fraudscore.predictservice.batching;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the batcher reported. */
final class RecordingListener implements BatchListener {

    final List<BatchReport> batches = new CopyOnWriteArrayList<>();
    final List<Duration> expiredWaits = new CopyOnWriteArrayList<>();
    final List<Integer> refusedRows = new CopyOnWriteArrayList<>();

    @Override
    public void batchScored(BatchReport report) {
        batches.add(report);
    }

    @Override
    public void expired(int rows, Duration queueWait) {
        expiredWaits.add(queueWait);
    }

    @Override
    public void refused(int rows) {
        refusedRows.add(rows);
    }
}
