package dev.fraudscore.systemtests;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.fraudscore.systemtests.ApiClient.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The public OpenAPI document, as the contracts jar ships it, used to judge real traffic: Atlassian's
 * swagger-request-validator checks an answer's status, content type, headers and body against what the
 * document says POST /fraud-score answers, and a request against what it accepts.
 */
final class OpenApiContract {

    static final String DOCUMENT = "openapi/fraud-score.yaml";
    static final String PATH = "/fraud-score";
    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createForInlineApiSpecification(read()).build();

    private OpenApiContract() {
    }

    /** How an answer to POST /fraud-score differs from the document; empty when it conforms. */
    static List<String> violations(Answer answer) {
        return violations(PATH, answer);
    }

    /** How an answer to POST on {@code path} differs from the document; empty when it conforms. */
    static List<String> violations(String path, Answer answer) {
        return violations(path, answer.status(), answer.contentType(), answer.headers().map(), answer.rawBody());
    }

    static List<String> violations(int status, String contentType, Map<String, List<String>> headers, String body) {
        return violations(PATH, status, contentType, headers, body);
    }

    private static List<String> violations(String path, int status, String contentType, Map<String, List<String>> headers,
            String body) {
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status).withContentType(contentType).withBody(body);
        headers.forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                response.withHeader(name, values);
            }
        });
        return errors(VALIDATOR.validateResponse(path, Request.Method.POST, response.build()));
    }

    /** How a POST /fraud-score with this JSON body and API key differs from what the document accepts. */
    static List<String> requestViolations(String body, String apiKey) {
        return errors(VALIDATOR.validateRequest(SimpleRequest.Builder.post(PATH).withContentType("application/json")
                .withHeader("X-API-Key", apiKey).withBody(body).build()));
    }

    private static List<String> errors(ValidationReport report) {
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> message.getKey() + ": " + message.getMessage())
                .toList();
    }

    private static String read() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is not on the test classpath; it comes with the contracts jar.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
