package dev.fraudscore.businessapi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.businessapi.domain.TransactionRequest;
import dev.fraudscore.domain.DomainException;
import dev.fraudscore.domain.FieldViolation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TransactionParserTest {

    private final JsonBodyParser<TransactionRequest> parser = JsonBodyParser.transactions(JsonMapper.builder().build());

    @Test
    void readsWhatItKnowsAndIgnoresUnknownFields() {
        TransactionRequest request = parse("""
                {"transactionId": "tx-1", "amount": {"value": "129.99", "currency": "EUR"},
                 "location": {"lat": 48.85, "lon": 2}, "extra": {"anything": [1, 2]}}""");

        assertThat(request.transactionId()).isEqualTo("tx-1");
        assertThat(request.amount().value()).isEqualTo("129.99");
        assertThat(request.location().lon()).isEqualTo(2.0);
        assertThat(request.card()).isNull();
    }

    @Test
    void numbersAndBooleansAreNeverTurnedIntoStringsNorStringsIntoNumbers() {
        assertFieldError("{\"card\": {\"token\": 0}}", "card.token", "must be a JSON string");
        assertFieldError("{\"customer\": {\"id\": true}}", "customer.id", "must be a JSON string");
        assertFieldError("{\"merchant\": {\"id\": 1e308}}", "merchant.id", "must be a JSON string");
        assertFieldError("{\"customer\": {\"emailDomain\": 1e308}}", "customer.emailDomain", "must be a JSON string");
        assertFieldError("{\"amount\": {\"value\": 129.99}}", "amount.value", "must be a JSON string");
        assertFieldError("{\"location\": {\"lat\": 1, \"lon\": \"2.35\"}}", "location.lon", "must be a JSON number");
        assertFieldError("{\"location\": {\"lat\": true}}", "location.lat", "must be a JSON number");
    }

    @Test
    void aWrongJsonTypeIsAFieldErrorNamingItsPath() {
        assertFieldError("{\"amount\": {\"value\": {\"x\": 1}}}", "amount.value", "must be a JSON string");
        assertFieldError("{\"card\": \"tok_1\"}", "card", "must be a JSON object");
        assertFieldError("{\"location\": {\"lat\": \"north\", \"lon\": 2}}", "location.lat", "must be a JSON number");
        assertFieldError("{\"transactionId\": [\"a\"]}", "transactionId", "must be a JSON string");
    }

    @Test
    void notJsonIsMalformedWithTheParsersReason() {
        assertThatThrownBy(() -> parse("{\"transactionId\": \"tx-1\",}"))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessageStartingWith("body is not valid JSON: ")
                .hasMessageContaining("(line 1, column");
        assertThatThrownBy(() -> parse("transactionId=tx-1"))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessageStartingWith("body is not valid JSON: ");
    }

    @Test
    void duplicateAndTrailingContentAreMalformed() {
        assertThatThrownBy(() -> parse("{\"transactionId\": \"a\", \"transactionId\": \"b\"}"))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessageStartingWith("body is not valid JSON: ")
                .hasMessageContaining("transactionId");
        assertThatThrownBy(() -> parse("{\"transactionId\": \"a\"} {\"b\": 1}"))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessage("body is not valid JSON: there is more after the transaction object");
    }

    @Test
    void emptyNullAndNonObjectBodiesSaySo() {
        assertThatThrownBy(() -> parse("  \n"))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessage("The body is empty; send the transaction as a JSON object.");
        assertThatThrownBy(() -> parse("null"))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessage("The body must be a JSON object describing the transaction.");
        assertThatThrownBy(() -> parse("[1, 2]"))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessage("The body must be a JSON object describing the transaction.");
    }

    private void assertFieldError(String json, String field, String message) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.violations()).containsExactly(new FieldViolation(field, message)));
    }

    private TransactionRequest parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
