package dev.fraudscore.businessapi.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.fraudscore.businessapi.domain.FieldError;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** RFC 9457 problem details, with the request id and one entry per bad field. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "requestId", "errors"})
record Problem(String type, String title, int status, String detail, String instance, String requestId,
        List<FieldError> errors) {

    private static final String TYPE_BASE = "https://fraudscore.dev/problems/";

    static Problem of(String slug, String title, HttpStatusCode status, String detail, String instance,
            String requestId, List<FieldError> errors) {
        return new Problem(TYPE_BASE + slug, title, status.value(), detail, instance, requestId, errors);
    }

    ResponseEntity<Object> toResponse(HttpHeaders headers) {
        return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(this);
    }

    ResponseEntity<Object> toResponse() {
        return toResponse(new HttpHeaders());
    }
}
