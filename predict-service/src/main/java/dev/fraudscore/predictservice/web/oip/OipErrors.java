package dev.fraudscore.predictservice.web.oip;

import dev.fraudscore.domain.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;

/**
 * Errors of the Open Inference Protocol's REST side as it writes them, {@code {"error": "..."}}: 400 for a bad
 * request, 404 for an unknown model or version, 409 when the request does not fit the version it reached, 503 when
 * nothing can serve it now, 504 when it waited past its deadline; never a stack trace.
 */
@RestControllerAdvice(assignableTypes = OipRestController.class)
class OipErrors {

    private static final Logger log = LoggerFactory.getLogger(OipErrors.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<OipJson.Error> refused(DomainException refused) {
        HttpStatus status = switch (refused.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case MISMATCH -> HttpStatus.CONFLICT;
            case UNAVAILABLE, OVERLOADED -> HttpStatus.SERVICE_UNAVAILABLE;
            case TOO_LATE -> HttpStatus.GATEWAY_TIMEOUT;
        };
        return ResponseEntity.status(status).body(new OipJson.Error(refused.getMessage()));
    }

    @ExceptionHandler(AsyncRequestTimeoutException.class)
    ResponseEntity<OipJson.Error> timedOut(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new OipJson.Error("no answer to "
                + request.getMethod() + " " + request.getRequestURI() + " in time; retry"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<OipJson.Error> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(new OipJson.Error("predict-service failed"
                + " to answer " + request.getMethod() + " " + request.getRequestURI() + " because of an internal error;"
                + " the cause is in its log"));
    }
}
