package dev.fraudscore.businessapi.web;

import dev.fraudscore.businessapi.config.ApiProperties;
import dev.fraudscore.businessapi.domain.FeedbackRequest;
import dev.fraudscore.businessapi.pipeline.FeedbackService;
import dev.fraudscore.features.state.TransactionLabel;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /fraud-feedback}: read (bounded), parse strictly, validate, record the label. The same label again
 * gets the same answer, byte for byte.
 */
@RestController
class FeedbackController {

    static final String PATH = "/fraud-feedback";

    private final FeedbackService service;
    private final BodyReader bodyReader;
    private final JsonBodyParser<FeedbackRequest> parser;
    private final JsonMapper json;

    FeedbackController(FeedbackService service, ApiProperties properties, JsonMapper json) {
        this.service = service;
        this.bodyReader = new BodyReader(Math.toIntExact(properties.maxBodySize().toBytes()));
        this.parser = JsonBodyParser.feedback(json);
        this.json = json;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> report(HttpServletRequest request) throws IOException {
        Callers.of(request); // a malformed caller is refused as on /fraud-score; labels are per transaction id
        byte[] body = bodyReader.read(request.getInputStream(), request.getContentLengthLong());
        TransactionLabel label = service.accept(parser.parse(body));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(new Receipt(label.transactionId(), label.label().name(), true)));
    }

    /** The answer's members in the OpenAPI document's order. */
    record Receipt(String transactionId, String label, boolean accepted) {
    }
}
