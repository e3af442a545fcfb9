package dev.fraudscore.trainer;

/** A training run that could not finish; the message says why in a sentence. */
public class TrainingException extends RuntimeException {

    public TrainingException(String message) {
        super(message);
    }

    public TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
