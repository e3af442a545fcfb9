package dev.fraudscore.predictservice.remote;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Where a model's forward pass runs when its {@code config.yaml} says {@code backend: {type: torchserve, ...}}: a
 * TorchServe-compatible server, called as {@code POST <url>/predictions/<model>[/<version>]}. Two versions with
 * the same backend share one HTTP client (and its connection pool) and one circuit breaker.
 *
 * @param url                the server's inference address, e.g. {@code http://gpu-pool:8080}
 * @param model              the model's name on the remote server
 * @param version            the remote version, or {@code null} for the remote's default version
 * @param connectTimeout     how long to wait for a TCP connection
 * @param callTimeout        the longest one call may take when its request's deadline is further away or absent
 *                           (the warm-up, or a caller without a deadline); otherwise the deadline decides
 * @param maxIdleConnections kept-alive connections the pool holds; 0 closes each connection after its call
 * @param keepAlive          how long an idle connection is kept; keep it below the remote's own idle timeout
 */
public record TorchServeBackend(URI url, String model, String version, Duration connectTimeout, Duration callTimeout,
        int maxIdleConnections, Duration keepAlive) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(500);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(2);
    public static final int DEFAULT_MAX_IDLE_CONNECTIONS = 8;
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofMinutes(5);

    public TorchServeBackend {
        if (url == null || url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
                || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("backend.url must be the server's http:// or https:// address, such as"
                    + " http://gpu-pool:8080, not " + url);
        }
        requireSegment("backend.model", model);
        if (version != null) {
            requireSegment("backend.version", version);
        }
        requirePositive("backend.connectTimeout", connectTimeout);
        requirePositive("backend.callTimeout", callTimeout);
        requirePositive("backend.keepAlive", keepAlive);
        if (maxIdleConnections < 0) {
            throw new IllegalArgumentException("backend.maxIdleConnections must be 0 or more, not " + maxIdleConnections);
        }
    }

    /** The defaults for everything but where the server is and what it calls the model. */
    public static TorchServeBackend of(URI url, String model, String version) {
        return new TorchServeBackend(url, model, version, DEFAULT_CONNECT_TIMEOUT, DEFAULT_CALL_TIMEOUT,
                DEFAULT_MAX_IDLE_CONNECTIONS, DEFAULT_KEEP_ALIVE);
    }

    /** How sentences name the remote: its address and the model it serves. */
    public String describe() {
        return String.format(Locale.ROOT, "the TorchServe-compatible server at %s (model %s)", url,
                version == null ? model + ", its default version" : model + "/" + version);
    }

    private static void requireSegment(String field, String value) {
        if (value == null || value.isBlank() || value.contains("/") || value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException(field + " must be a name without '/', not '" + value + "'");
        }
    }

    private static void requirePositive(String field, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(field + " must be a positive duration such as 200ms, not " + duration);
        }
    }
}
