package dev.fraudscore.batch;

/** A backfill that cannot run or went wrong, with a sentence for the person who started it. */
public final class BackfillException extends RuntimeException {

    public BackfillException(String message) {
        super(message);
    }

    public BackfillException(String message, Throwable cause) {
        super(message, cause);
    }
}
