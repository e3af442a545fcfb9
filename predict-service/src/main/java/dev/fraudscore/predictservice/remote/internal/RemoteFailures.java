package dev.fraudscore.predictservice.remote.internal;

import dev.fraudscore.domain.DomainException.Kind;
import dev.fraudscore.predictservice.remote.RemoteBackendException;
import dev.fraudscore.predictservice.remote.TorchServeBackend;
import java.time.Duration;
import java.util.Locale;

/**
 * Every way a call to the remote server fails, as the sentence and kind the caller gets. A remote that is down or
 * busy is UNAVAILABLE or RESOURCE_EXHAUSTED (business-api answers degraded and retries later); one that does not
 * speak the contract (4xx, an answer that is not one probability per row) is FAILED_PRECONDITION, since the same
 * request fails again until the remote or {@code config.yaml} is fixed.
 */
public final class RemoteFailures {

    private static final int QUOTED_BODY = 200;

    private RemoteFailures() {
    }

    public static RemoteBackendException refused(TorchServeBackend remote, int attempts, Throwable cause) {
        return new RemoteBackendException(Kind.UNAVAILABLE, remote.describe() + " refused the connection ("
                + attempts + (attempts == 1 ? " attempt" : " attempts") + "); is it running?", cause, true);
    }

    public static RemoteBackendException connectTimedOut(TorchServeBackend remote, Throwable cause) {
        return new RemoteBackendException(Kind.UNAVAILABLE, remote.describe() + " did not take the connection within "
                + remote.connectTimeout().toMillis() + " ms (backend.connectTimeout)", cause, false);
    }

    /** Nothing was sent: the host is unknown or cannot be routed to. */
    public static RemoteBackendException unreachable(TorchServeBackend remote, Throwable cause) {
        return new RemoteBackendException(Kind.UNAVAILABLE, remote.describe() + " cannot be reached (" + cause + ")",
                cause, false);
    }

    /** The connection broke once the request may have been sent: not retried, the remote may have scored it. */
    public static RemoteBackendException broken(TorchServeBackend remote, Throwable cause) {
        return new RemoteBackendException(Kind.UNAVAILABLE, "the connection to " + remote.describe()
                + " failed during the call (" + cause + "); not retried, since the remote may have scored the batch",
                cause, false);
    }

    /** The request's deadline cut the call. */
    public static RemoteBackendException cutAtDeadline(TorchServeBackend remote, Duration left) {
        return new RemoteBackendException(Kind.TOO_LATE, String.format(Locale.ROOT, "%s did not answer within the %.1f ms"
                + " left before the request's deadline; the call was cut there", remote.describe(), left.toNanos() / 1e6),
                null, false);
    }

    public static RemoteBackendException deadlinePassed(TorchServeBackend remote) {
        return new RemoteBackendException(Kind.TOO_LATE, "the request's deadline passed before predict-service could"
                + " call " + remote.describe(), null, false);
    }

    /** {@code backend.callTimeout} cut a call with no nearer deadline. */
    public static RemoteBackendException tooSlow(TorchServeBackend remote) {
        return new RemoteBackendException(Kind.UNAVAILABLE, remote.describe() + " did not answer within "
                + remote.callTimeout().toMillis() + " ms (backend.callTimeout)", null, false);
    }

    public static RemoteBackendException breakerOpen(TorchServeBackend remote, float failureRate, Duration openFor) {
        return new RemoteBackendException(Kind.UNAVAILABLE, String.format(Locale.ROOT, "the circuit breaker for %s is"
                + " open (%.0f %% of its recent calls failed): predict-service fails fast without calling it, and lets"
                + " trial calls through %d s after it opened", remote.describe(), failureRate, openFor.toSeconds()),
                null, false);
    }

    /** An answer that is not 2xx. */
    public static RemoteBackendException status(TorchServeBackend remote, int code, String body) {
        String answered = remote.describe() + " answered " + code + quote(body);
        if (code == 503) {
            return failure(Kind.UNAVAILABLE, answered + ": it has no worker free for the model or its queue is full;"
                    + " retry later");
        }
        if (code == 507 || code == 429) {
            return failure(Kind.OVERLOADED, answered + ": it is out of memory or capacity for the model; retry later"
                    + " or add capacity to the remote");
        }
        if (code == 408) {
            return failure(Kind.UNAVAILABLE, answered + ": the remote gave up on the batch at its own timeout");
        }
        if (code >= 500) {
            return failure(Kind.UNAVAILABLE, answered + ": the remote failed to score the batch");
        }
        return failure(Kind.MISMATCH, answered + ": it does not take what predict-service sends; check backend.url,"
                + " backend.model and backend.version in the model's config.yaml, and that the remote model takes the"
                + " manifest's inputs as a JSON list of rows");
    }

    /** A 2xx answer that is not one probability per row. */
    public static RemoteBackendException badAnswer(TorchServeBackend remote, String what) {
        return failure(Kind.MISMATCH, remote.describe() + " answered " + what + "; predict-service expects a JSON list"
                + " of probabilities in [0, 1], one per row");
    }

    private static RemoteBackendException failure(Kind kind, String sentence) {
        return new RemoteBackendException(kind, sentence, null, false);
    }

    static String quote(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = body.strip().replaceAll("\\s+", " ");
        return " (" + (line.length() > QUOTED_BODY ? line.substring(0, QUOTED_BODY) + "..." : line) + ")";
    }
}
