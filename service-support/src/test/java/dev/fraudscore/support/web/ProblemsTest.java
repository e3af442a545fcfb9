package dev.fraudscore.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.domain.FieldViolation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

class ProblemsTest {

    @Test
    void aProblemHasOurTypeNamespaceTheRequestIdAndOneEntryPerBadField() {
        ProblemDetail problem = Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "invalid-transaction",
                "Invalid transaction", "The transaction has an invalid field: channel; see errors.", "/fraud-score",
                "req-1"), List.of(new FieldViolation("channel", "must be one of ECOMMERCE, POS, ATM, MOTO")));

        Map<String, Object> members = Problems.members(problem);
        assertThat(members.keySet()).containsExactly("type", "title", "status", "detail", "instance", "requestId", "errors");
        assertThat(members).containsEntry("type", "https://fraudscore.dev/problems/invalid-transaction")
                .containsEntry("status", 400)
                .containsEntry("requestId", "req-1")
                .containsEntry("errors", List.of(Map.of("field", "channel", "message", "must be one of ECOMMERCE, POS, ATM, MOTO")));
    }

    @Test
    void slugsComeFromReasonPhrases() {
        assertThat(Problems.slug(HttpStatus.METHOD_NOT_ALLOWED.getReasonPhrase())).isEqualTo("method-not-allowed");
    }
}
