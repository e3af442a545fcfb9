package dev.fraudscore.support.web;

import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The request id rule, for the gateway and business-api alike: a caller's id is kept when it is short and
 * plain enough to log and to put in a header safely; anything else is replaced by a fresh one.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final Supplier<String> generator;

    public RequestIds(Supplier<String> generator) {
        this.generator = generator;
    }

    public static RequestIds randomUuids() {
        return new RequestIds(() -> UUID.randomUUID().toString());
    }

    public static boolean isAcceptable(String candidate) {
        return candidate != null && ACCEPTED.matcher(candidate).matches();
    }

    /** The caller's id when acceptable, else a generated one. */
    public String keepOrGenerate(String callerRequestId) {
        return isAcceptable(callerRequestId) ? callerRequestId : generator.get();
    }
}
