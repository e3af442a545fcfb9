package dev.fraudscore.postprocess.domain;

import dev.fraudscore.domain.DomainException;

/** The caller sent something the policy cannot be applied to; the message is a sentence for that caller. */
public class InvalidDecideRequestException extends DomainException {

    public InvalidDecideRequestException(String message) {
        super(Kind.INVALID, message);
    }
}
