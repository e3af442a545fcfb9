package dev.fraudscore.businessapi.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
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
        if (code == null) {
            // someone asked for /error itself
            return Problem.of("not-found", "Not Found", HttpStatus.NOT_FOUND, "There is nothing at "
                    + request.getRequestURI() + "; the API is POST /fraud-score.", request.getRequestURI(),
                    RequestIdFilter.requestId(request), null).toResponse();
        }
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detail = status.is5xxServerError()
                ? "The request could not be processed because of an error on our side; quote requestId "
                        + RequestIdFilter.requestId(request) + " when reporting it."
                : "The request could not be processed as sent (" + status.getReasonPhrase() + ").";
        String slug = status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return Problem.of(slug, status.getReasonPhrase(), status, detail, uri == null ? null : uri.toString(),
                RequestIdFilter.requestId(request), null).toResponse();
    }
}
