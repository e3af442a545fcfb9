package dev.fraudscore.businessapi.pipeline;

import dev.fraudscore.businessapi.store.IdempotencyStore;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The idempotency store's contract in a map, for tests of what uses it. */
final class InMemoryIdempotencyStore implements IdempotencyStore {

    private record Entry(String fingerprint, String answer) {
    }

    final Map<Key, Entry> entries = new HashMap<>();

    @Override
    public Claim claim(Key key, String fingerprint) {
        Entry entry = entries.get(key);
        if (entry == null) {
            entries.put(key, new Entry(fingerprint, null));
            return Claim.of(Claim.Status.CLAIMED);
        }
        if (!entry.fingerprint().equals(fingerprint)) {
            return Claim.of(Claim.Status.CONFLICT);
        }
        return entry.answer() == null ? Claim.of(Claim.Status.PENDING) : new Claim(Claim.Status.ANSWERED, entry.answer());
    }

    @Override
    public CompletableFuture<Void> saveAnswer(Key key, String fingerprint, String answerJson) {
        entries.computeIfPresent(key, (k, e) -> e.fingerprint().equals(fingerprint) ? new Entry(fingerprint, answerJson) : e);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> release(Key key, String fingerprint) {
        entries.computeIfPresent(key, (k, e) -> e.fingerprint().equals(fingerprint) && e.answer() == null ? null : e);
        return CompletableFuture.completedFuture(null);
    }
}
