package dev.fraudscore.predictservice.remote;

import dev.fraudscore.domain.DomainException;

/**
 * A batch the remote server did not score, with a sentence naming the server and the model; its kind decides the
 * gRPC status (see the table in the README, "The model server"). The cause, when there is one, goes to the log only.
 */
public final class RemoteBackendException extends DomainException {

    private final boolean connectionRefused;

    /**
     * @param connectionRefused the server refused the TCP connection: nothing was sent, so a retry cannot score the
     *                          batch twice
     */
    public RemoteBackendException(Kind kind, String sentence, Throwable cause, boolean connectionRefused) {
        super(kind, sentence, cause);
        this.connectionRefused = connectionRefused;
    }

    public boolean connectionRefused() {
        return connectionRefused;
    }
}
