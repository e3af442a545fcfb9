package dev.fraudscore.businessapi.web;

import dev.fraudscore.businessapi.domain.InvalidTransactionException;
import dev.fraudscore.businessapi.domain.RejectedTransactionException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error as {@code application/problem+json} with a sentence the caller can act on; never a
 * stack trace. Spring MVC's own errors (404, 405, 415, ...) come through {@link #handleExceptionInternal}.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(InvalidTransactionException.class)
    ResponseEntity<Object> invalid(InvalidTransactionException e, HttpServletRequest request) {
        int count = e.errors().size();
        String detail = count == 1
                ? "The transaction has an invalid field: " + e.errors().get(0).field() + "; see errors."
                : "The transaction has " + count + " invalid fields: "
                        + e.errors().stream().map(f -> f.field()).distinct().collect(Collectors.joining(", ")) + "; see errors.";
        return problem("invalid-transaction", "Invalid transaction", HttpStatus.BAD_REQUEST, detail, request, e)
                .toResponse();
    }

    @ExceptionHandler(MalformedBodyException.class)
    ResponseEntity<Object> malformed(MalformedBodyException e, HttpServletRequest request) {
        return problem("malformed-body", "Malformed request body", HttpStatus.BAD_REQUEST, e.getMessage(), request, null)
                .toResponse();
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> tooLarge(PayloadTooLargeException e, HttpServletRequest request) {
        // the unread rest of the body is swallowed by Tomcat (up to server.tomcat.max-swallow-size)
        return problem("payload-too-large", "Request body too large", HttpStatus.CONTENT_TOO_LARGE, e.getMessage(),
                request, null).toResponse();
    }

    @ExceptionHandler(RejectedTransactionException.class)
    ResponseEntity<Object> rejected(RejectedTransactionException e, HttpServletRequest request) {
        return switch (e.kind()) {
            case INVALID -> problem("invalid-transaction", "Invalid transaction", HttpStatus.BAD_REQUEST, e.getMessage(),
                    request, null).toResponse();
            case ID_REUSED -> problem("transaction-id-reused", "Transaction id already used", HttpStatus.CONFLICT,
                    e.getMessage(), request, null).toResponse();
        };
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem("internal-error", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be processed because of an error on our side; quote requestId "
                        + RequestIdFilter.requestId(request) + " when reporting it.", request, null).toResponse();
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest webRequest) {
        HttpServletRequest request = ((ServletWebRequest) webRequest).getRequest();
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        String title = status == null ? "Error" : status.getReasonPhrase();
        String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return problem(slug, title, statusCode, detail(ex, body, request), request, null).toResponse(headers);
    }

    private static String detail(Exception ex, Object body, HttpServletRequest request) {
        if (ex instanceof NoResourceFoundException) {
            return "There is nothing at " + request.getMethod() + " " + request.getRequestURI()
                    + "; the API is POST /fraud-score.";
        }
        if (ex instanceof HttpRequestMethodNotSupportedException e) {
            return "Method " + e.getMethod() + " is not supported at " + request.getRequestURI() + "; use "
                    + String.join(" or ", e.getSupportedMethods() == null ? new String[] {"POST"} : e.getSupportedMethods()) + ".";
        }
        if (ex instanceof HttpMediaTypeNotSupportedException e) {
            return "Content-Type " + (e.getContentType() == null ? "(none)" : e.getContentType())
                    + " is not supported; send the transaction as application/json.";
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return "The answer is application/json (application/problem+json for errors); accept one of those.";
        }
        if (body instanceof ProblemDetail problemDetail && problemDetail.getDetail() != null) {
            return problemDetail.getDetail();
        }
        return "The request could not be processed as sent.";
    }

    private static Problem problem(String slug, String title, HttpStatusCode status, String detail,
            HttpServletRequest request, InvalidTransactionException invalid) {
        return Problem.of(slug, title, status, detail, request.getRequestURI(), RequestIdFilter.requestId(request),
                invalid == null ? null : invalid.errors());
    }
}
