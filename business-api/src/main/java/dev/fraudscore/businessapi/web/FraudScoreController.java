package dev.fraudscore.businessapi.web;

import dev.fraudscore.businessapi.config.ApiProperties;
import dev.fraudscore.businessapi.domain.RequestDeadline;
import dev.fraudscore.businessapi.domain.TransactionRequest;
import dev.fraudscore.businessapi.domain.TransactionValidator;
import dev.fraudscore.businessapi.domain.ValidTransaction;
import dev.fraudscore.businessapi.pipeline.FraudScoreService;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /fraud-score}: read (bounded), parse, validate — all before any state is touched — then
 * score in the caller's namespace. The answer is written when the last step's reply completes it (Servlet async):
 * no request thread waits for a downstream. The body is read here rather than by a message converter so that size,
 * syntax and type errors each get their own precise answer.
 */
@RestController
class FraudScoreController {

    private final TransactionValidator validator;
    private final FraudScoreService service;
    private final ApiProperties properties;
    private final Clock clock;
    private final BodyReader bodyReader;
    private final JsonBodyParser<TransactionRequest> parser;

    FraudScoreController(TransactionValidator validator, FraudScoreService service, ApiProperties properties, Clock clock,
            JsonMapper json) {
        this.validator = validator;
        this.service = service;
        this.properties = properties;
        this.clock = clock;
        this.bodyReader = new BodyReader(Math.toIntExact(properties.maxBodySize().toBytes()));
        this.parser = JsonBodyParser.transactions(json);
    }

    @PostMapping(path = "/fraud-score", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ResponseEntity<String>> score(HttpServletRequest request) throws IOException {
        RequestDeadline deadline = RequestDeadline.startingAt(RequestIdFilter.arrivedAt(request, clock),
                properties.deadline(), clock);
        String caller = Callers.of(request);
        byte[] body = bodyReader.read(request.getInputStream(), request.getContentLengthLong());
        TransactionRequest parsed = parser.parse(body);
        ValidTransaction transaction = validator.validate(parsed);
        return service.score(caller, transaction, RequestFingerprint.of(parsed), deadline)
                .thenApply(answer -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer));
    }
}
