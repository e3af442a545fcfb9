package dev.fraudscore.businessapi.web;

import dev.fraudscore.businessapi.config.ApiProperties;
import dev.fraudscore.businessapi.domain.TransactionIdReusedException;
import dev.fraudscore.businessapi.pipeline.FeedbackRefusedException;
import dev.fraudscore.domain.DomainException;
import dev.fraudscore.support.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
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
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Every error as {@code application/problem+json} (Spring's {@link ProblemDetail}, our type namespace) with
 * a sentence the caller can act on; never a stack trace. Spring MVC's own errors (404, 405 with
 * {@code Allow}, 415, ...) come through {@link #handleExceptionInternal} and get our sentences.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    /** One DEBUG line per caller gone (TRACE with the stack), under this logger. */
    private static final DisconnectedClientHelper CLIENT_GONE =
            new DisconnectedClientHelper(ProblemHandler.class.getName() + ".ClientGone");

    private final String busyRetryAfter;

    ProblemHandler(ApiProperties properties) {
        // whole seconds, rounded up: Retry-After has no fractions
        this.busyRetryAfter = String.valueOf((properties.busyRetryAfter().toMillis() + 999) / 1000);
    }

    @ExceptionHandler(TransactionIdReusedException.class)
    ResponseEntity<Object> reused(TransactionIdReusedException e, HttpServletRequest request) {
        return respond(problem(HttpStatus.CONFLICT, "transaction-id-reused", "Transaction id already used",
                e.getMessage(), request), new HttpHeaders());
    }

    @ExceptionHandler(FeedbackRefusedException.class)
    ResponseEntity<Object> labelRefused(FeedbackRefusedException e, HttpServletRequest request) {
        ProblemDetail problem = e.kind() == DomainException.Kind.NOT_FOUND
                ? problem(HttpStatus.NOT_FOUND, "unknown-transaction", "Unknown transaction", e.getMessage(), request)
                : problem(HttpStatus.CONFLICT, "label-conflict", "Label already recorded", e.getMessage(), request);
        return respond(problem, new HttpHeaders());
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> refused(DomainException e, HttpServletRequest request) {
        if (e.kind() == DomainException.Kind.OVERLOADED || e.kind() == DomainException.Kind.UNAVAILABLE) {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, busyRetryAfter);
            return respond(e.kind() == DomainException.Kind.OVERLOADED
                    ? problem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Service busy", e.getMessage(), request)
                    : problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable", e.getMessage(), request),
                    headers);
        }
        if (e.kind() != DomainException.Kind.INVALID) {
            return unexpected(e, request);
        }
        String what = what(request);
        String slug = "invalid-" + what;
        String title = "Invalid " + what;
        if (e.violations().isEmpty()) {
            return respond(problem(HttpStatus.BAD_REQUEST, slug, title, e.getMessage(), request), new HttpHeaders());
        }
        int count = e.violations().size();
        String detail = count == 1
                ? "The " + what + " has an invalid field: " + e.violations().get(0).field() + "; see errors."
                : "The " + what + " has " + count + " invalid fields: " + e.violations().stream()
                        .map(v -> v.field()).distinct().collect(Collectors.joining(", ")) + "; see errors.";
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, slug, title, detail, request);
        return respond(Problems.withErrors(problem, e.violations()), new HttpHeaders());
    }

    @ExceptionHandler(MalformedBodyException.class)
    ResponseEntity<Object> malformed(MalformedBodyException e, HttpServletRequest request) {
        return respond(problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body", e.getMessage(), request),
                new HttpHeaders());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> tooLarge(PayloadTooLargeException e, HttpServletRequest request) {
        // the unread rest of the body is swallowed by Tomcat (up to server.tomcat.max-swallow-size)
        return respond(problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large",
                e.getMessage(), request), new HttpHeaders());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        if (CLIENT_GONE.checkAndLogClientDisconnectedException(e)) {
            // the caller left (its timeout, a closed connection): nobody reads an answer, and it is not our failure
            return null;
        }
        log.error("Unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                internalSentence(request), request), new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest webRequest) {
        HttpServletRequest request = ((ServletWebRequest) webRequest).getRequest();
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        String title = status == null ? "Error" : status.getReasonPhrase();
        return respond(problem(statusCode, Problems.slug(title), title, detail(ex, body, request), request), headers);
    }

    /** What the body describes, in the problem's words: a transaction, or a late label's feedback. */
    private static String what(HttpServletRequest request) {
        return FeedbackController.PATH.equals(request.getRequestURI()) ? "feedback" : "transaction";
    }

    static String internalSentence(HttpServletRequest request) {
        return "The request could not be processed because of an error on our side; quote requestId "
                + RequestIdFilter.requestId(request) + " when reporting it.";
    }

    private static String detail(Exception ex, Object body, HttpServletRequest request) {
        if (ex instanceof NoResourceFoundException) {
            return "There is nothing at " + request.getMethod() + " " + request.getRequestURI()
                    + "; the API is POST /fraud-score and POST /fraud-feedback.";
        }
        if (ex instanceof HttpRequestMethodNotSupportedException e) {
            return "Method " + e.getMethod() + " is not supported at " + request.getRequestURI() + "; use "
                    + String.join(" or ", e.getSupportedMethods() == null ? new String[] {"POST"} : e.getSupportedMethods()) + ".";
        }
        if (ex instanceof HttpMediaTypeNotSupportedException e) {
            return "Content-Type " + (e.getContentType() == null ? "(none)" : e.getContentType())
                    + " is not supported; send the " + what(request) + " as application/json.";
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return "The answer is application/json (application/problem+json for errors); accept one of those.";
        }
        if (body instanceof ProblemDetail problemDetail && problemDetail.getDetail() != null) {
            return problemDetail.getDetail();
        }
        return "The request could not be processed as sent.";
    }

    static ProblemDetail problem(HttpStatusCode status, String slug, String title, String detail, HttpServletRequest request) {
        return Problems.of(status, slug, title, detail, request.getRequestURI(), RequestIdFilter.requestId(request));
    }

    /** The members in RFC 9457's order (type first), as the gateway writes them. */
    private static ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.members(problem));
    }
}
