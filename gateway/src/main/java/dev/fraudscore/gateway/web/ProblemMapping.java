package dev.fraudscore.gateway.web;

import dev.fraudscore.gateway.config.GatewayConfiguration;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;

/** The one place that turns whatever went wrong into the problem a caller sees. */
final class ProblemMapping {

    private ProblemMapping() {
    }

    static GatewayProblem toProblem(Throwable error, String method, String path) {
        if (error instanceof GatewayProblem problem) {
            return problem;
        }
        if (GatewayConfiguration.PATHS.contains(path) && !"POST".equals(method) && isNoRoute(error)) {
            return new GatewayProblem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method " + method
                    + " is not supported at " + path + "; use POST.", Map.of(HttpHeaders.ALLOW, "POST"));
        }
        if (error instanceof DataBufferLimitException) {
            return new GatewayProblem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                    "The request body is too large. Send one transaction per request.");
        }
        if (error instanceof MethodNotAllowedException) {
            return new GatewayProblem(HttpStatus.NOT_FOUND, "not-found", notFound(path));
        }
        if (error instanceof ResponseStatusException statusError) {
            return fromStatus(statusError, path);
        }
        if (causedBy(error, ReadTimeoutException.class)) {
            return upstreamTimeout();
        }
        if (causedBy(error, ConnectException.class) || causedBy(error, UnknownHostException.class)) {
            return new GatewayProblem(HttpStatus.SERVICE_UNAVAILABLE, "upstream-unavailable",
                    "The scoring service cannot be reached right now. Retry shortly with the same transactionId.",
                    Map.of(HttpHeaders.RETRY_AFTER, "1"));
        }
        if (causedBy(error, IOException.class)) {
            return new GatewayProblem(HttpStatus.BAD_GATEWAY, "upstream-failed",
                    "The scoring service closed the connection before answering. Retry with the same transactionId.");
        }
        return internal();
    }

    /** The routes match only POST on their paths: anything else arrives here as a 404 (or 405) of WebFlux. */
    private static boolean isNoRoute(Throwable error) {
        return error instanceof MethodNotAllowedException || error instanceof ResponseStatusException statusError
                && (statusError.getStatusCode().value() == 404 || statusError.getStatusCode().value() == 405);
    }

    /** {@code fraudscore.gateway.upstream-timeout} passed without a word from business-api. */
    private static GatewayProblem upstreamTimeout() {
        return new GatewayProblem(HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout",
                "The scoring service did not answer in time. Retry with the same transactionId.");
    }

    static GatewayProblem internal() {
        return new GatewayProblem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "The gateway failed to handle this request. Quote the requestId when you report it.");
    }

    private static GatewayProblem fromStatus(ResponseStatusException error, String path) {
        int code = error.getStatusCode().value();
        if (code == HttpStatus.NOT_FOUND.value() || code == HttpStatus.METHOD_NOT_ALLOWED.value()) {
            return new GatewayProblem(HttpStatus.NOT_FOUND, "not-found", notFound(path));
        }
        if (code == HttpStatus.GATEWAY_TIMEOUT.value()) {
            return upstreamTimeout();
        }
        if (code == HttpStatus.CONTENT_TOO_LARGE.value()) {
            return new GatewayProblem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                    "The request body is too large. Send one transaction per request.");
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status != null && status.is4xxClientError()) {
            return new GatewayProblem(status, "bad-request",
                    "The request could not be read: " + status.getReasonPhrase().toLowerCase(Locale.ROOT)
                            + ". Check the method, headers and body against the API description.");
        }
        return internal();
    }

    private static String notFound(String path) {
        String shown = path.length() > 100 ? path.substring(0, 100) + "..." : path;
        return "There is nothing to call at " + shown + ". The API has two operations: POST /fraud-score and POST"
                + " /fraud-feedback.";
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
