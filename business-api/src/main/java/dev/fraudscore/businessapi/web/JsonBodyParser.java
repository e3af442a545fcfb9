package dev.fraudscore.businessapi.web;

import dev.fraudscore.businessapi.domain.FeedbackRequest;
import dev.fraudscore.businessapi.domain.TransactionRequest;
import dev.fraudscore.domain.DomainException;
import dev.fraudscore.domain.FieldViolation;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Bytes to a request record ({@link TransactionRequest}, {@link FeedbackRequest}). A value of the wrong JSON type becomes a field error naming its
 * path: no coercion, so {@code "card": {"token": 0}} or {@code "lat": "48.8"} is refused rather than quietly
 * turned into a string or a number. A body that is not JSON at all becomes a {@link MalformedBodyException}
 * with the parser's reason. Unknown properties are ignored (callers may send more than we read); duplicate
 * ones are refused, since which of two values counts would be a guess.
 */
final class JsonBodyParser<T> {

    private final ObjectReader reader;
    private final String what;

    static JsonBodyParser<TransactionRequest> transactions(JsonMapper mapper) {
        return new JsonBodyParser<>(mapper, TransactionRequest.class, "transaction");
    }

    static JsonBodyParser<FeedbackRequest> feedback(JsonMapper mapper) {
        return new JsonBodyParser<>(mapper, FeedbackRequest.class, "feedback");
    }

    /** @param what what the body describes, for the sentences: {@code transaction} */
    private JsonBodyParser(JsonMapper mapper, Class<T> type, String what) {
        this.what = what;
        JsonMapper strict = mapper.rebuild()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();
        this.reader = strict.readerFor(type)
                .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * @throws MalformedBodyException      when the body is not a JSON object
     * @throws DomainException (INVALID) when a field has the wrong JSON type
     */
    T parse(byte[] body) {
        int first = firstNonWhitespace(body);
        if (first < 0) {
            throw new MalformedBodyException("The body is empty; send the " + what + " as a JSON object.");
        }
        T request;
        try {
            request = reader.readValue(body);
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (field.isEmpty()) {
                throw new MalformedBodyException(body[first] == '{'
                        ? "body is not valid JSON: there is more after the " + what + " object"
                        : "The body must be a JSON object describing the " + what + ".");
            }
            throw DomainException.invalidFields("the " + what, List.of(new FieldViolation(field, expectation(e.getTargetType()))));
        } catch (JacksonException e) {
            throw new MalformedBodyException("body is not valid JSON: " + e.getOriginalMessage() + where(e.getLocation()));
        }
        if (request == null) {
            throw new MalformedBodyException("The body must be a JSON object describing the " + what + ".");
        }
        return request;
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expectation(Class<?> target) {
        if (target == String.class) {
            return "must be a JSON string";
        }
        if (target != null && (Number.class.isAssignableFrom(target) || target.isPrimitive())) {
            return "must be a JSON number";
        }
        if (target != null && target.isRecord()) {
            return "must be a JSON object";
        }
        return "has the wrong JSON type";
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static int firstNonWhitespace(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            if (!Character.isWhitespace(body[i])) {
                return i;
            }
        }
        return -1;
    }
}
