package dev.fraudscore.postprocess.domain;

/** The caller sent something the policy cannot be applied to; the message is a sentence for that caller. */
public class InvalidDecideRequestException extends RuntimeException {

    public InvalidDecideRequestException(String message) {
        super(message);
    }
}
