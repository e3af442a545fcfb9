package dev.fraudscore.predictservice.web.torchserve;

import dev.fraudscore.domain.DomainException;
import dev.fraudscore.predictservice.web.torchserve.TorchServeJson.Error;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Errors of the TorchServe API as TorchServe writes them, {@code {"code", "type", "message"}}, with its status
 * codes and exception names; the message is our sentence, never a stack trace. Failures of an asynchronous
 * answer come here too.
 */
@RestControllerAdvice(assignableTypes = {InferenceApiController.class, ManagementApiController.class})
class TorchServeErrors {

    private static final Logger log = LoggerFactory.getLogger(TorchServeErrors.class);

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Error> refused(DomainException refused) {
        return switch (refused.kind()) {
            case INVALID -> error(HttpStatus.BAD_REQUEST, "BadRequestException", refused.getMessage());
            case NOT_FOUND -> error(HttpStatus.NOT_FOUND, "ModelNotFoundException", refused.getMessage());
            case MISMATCH -> error(HttpStatus.CONFLICT, "ConflictStatusException", refused.getMessage());
            case UNAVAILABLE, OVERLOADED -> error(HttpStatus.SERVICE_UNAVAILABLE, "ServiceUnavailableException",
                    refused.getMessage());
            case TOO_LATE -> error(HttpStatus.REQUEST_TIMEOUT, "RequestTimeoutException", refused.getMessage());
        };
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Error> badParameter(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String takes = type == Boolean.class || type == boolean.class ? "true or false" : "a whole number";
        return error(HttpStatus.BAD_REQUEST, "BadRequestException", "parameter " + e.getName() + " is '" + e.getValue()
                + "'; it takes " + takes);
    }

    /** An answer that took longer than Spring MVC waits (a registration goes on loading, and says so when asked). */
    @ExceptionHandler(AsyncRequestTimeoutException.class)
    ResponseEntity<Error> timedOut(HttpServletRequest request) {
        return error(HttpStatus.SERVICE_UNAVAILABLE, "ServiceUnavailableException", "no answer to " + request.getMethod()
                + " " + request.getRequestURI() + " in time; a change of the repository goes on, GET /models shows it");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Error> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "InternalServerException", "predict-service failed to answer "
                + request.getMethod() + " " + request.getRequestURI() + " because of an internal error; the cause is in"
                + " its log");
    }

    private static ResponseEntity<Error> error(HttpStatus status, String type, String message) {
        return ResponseEntity.status(status).body(new Error(status.value(), type, message));
    }
}
