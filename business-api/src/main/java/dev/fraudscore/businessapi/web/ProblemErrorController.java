package dev.fraudscore.businessapi.web;

import dev.fraudscore.support.web.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that happen outside Spring MVC (in a filter, in the container) land on {@code /error}; they
 * get the same problem+json as the rest, without Boot's default page or any exception text.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code == null ? HttpStatus.NOT_FOUND
                : code instanceof Integer value && HttpStatus.resolve(value) != null
                        ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detail;
        if (code == null) {
            detail = "There is nothing at " + request.getRequestURI() + "; the API is POST /fraud-score and POST /fraud-feedback.";
        } else if (status.is5xxServerError()) {
            detail = ProblemHandler.internalSentence(request);
        } else {
            detail = "The request could not be processed as sent (" + status.getReasonPhrase() + ").";
        }
        ProblemDetail problem = Problems.of(status, Problems.slug(status.getReasonPhrase()), status.getReasonPhrase(),
                detail, uri == null ? request.getRequestURI() : uri.toString(), RequestIdFilter.requestId(request));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(Problems.members(problem));
    }
}
