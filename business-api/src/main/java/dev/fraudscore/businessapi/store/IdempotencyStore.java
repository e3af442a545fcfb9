package dev.fraudscore.businessapi.store;

import java.util.concurrent.CompletableFuture;

/**
 * Remembers, per caller and transaction id, the fingerprint of the request that claimed it and the answer given.
 * Implementations never throw: when the store cannot be reached a claim reports
 * {@link Claim.Status#UNAVAILABLE} and the request is answered without idempotency.
 */
public interface IdempotencyStore {

    /** Claims the id for this fingerprint, or tells who has it. */
    Claim claim(Key key, String fingerprint);

    /**
     * Stores the answer of a claimed id (only when the claim still has this fingerprint).
     *
     * @return completes once stored, or once the store gave up; never fails
     */
    CompletableFuture<Void> saveAnswer(Key key, String fingerprint, String answerJson);

    /**
     * Drops a claim that has no answer, so that a refused request leaves nothing behind.
     *
     * @return completes once dropped, or once the store gave up; never fails
     */
    CompletableFuture<Void> release(Key key, String fingerprint);

    /** A transaction id in its caller's namespace: two callers may use the same id for different payments. */
    record Key(String caller, String transactionId) {
    }

    /**
     * @param answerJson the stored answer when {@code status} is {@link Status#ANSWERED}, else {@code null}
     */
    record Claim(Status status, String answerJson) {

        public enum Status {
            /** first time: this request owns the id */
            CLAIMED,
            /** same id, same body, no answer stored yet (in flight elsewhere, or the last answer was degraded) */
            PENDING,
            /** same id, same body, answered before: replay {@code answerJson} */
            ANSWERED,
            /** same id, different body */
            CONFLICT,
            /** the store could not be reached */
            UNAVAILABLE
        }

        public static Claim of(Status status) {
            return new Claim(status, null);
        }

        /** Whether the answer may be stored (and the claim released) under this claim. */
        public boolean holdsId() {
            return status == Status.CLAIMED || status == Status.PENDING;
        }
    }
}
