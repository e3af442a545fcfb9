package dev.fraudscore.businessapi.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.businessapi.domain.TransactionRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class RequestFingerprintTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static final String BODY = """
            {"transactionId":"tx-1","occurredAt":"2026-11-22T10:15:30Z","amount":{"value":"129.99","currency":"EUR"},
             "card":{"token":"tok_1","bin":"424242","country":"FR"},"customer":{"id":"c-1"},
             "merchant":{"id":"m-1","categoryCode":"5411","country":"FR"},"channel":"ECOMMERCE"}""";

    @Test
    void whitespaceAndFieldOrderDoNotChangeTheFingerprint() {
        String reordered = """
                {
                  "channel" : "ECOMMERCE",
                  "merchant" : { "country" : "FR", "categoryCode" : "5411", "id" : "m-1" },
                  "customer" : { "id" : "c-1" },
                  "card" : { "country" : "FR", "bin" : "424242", "token" : "tok_1" },
                  "amount" : { "currency" : "EUR", "value" : "129.99" },
                  "occurredAt" : "2026-11-22T10:15:30Z",
                  "transactionId" : "tx-1"
                }""";

        assertThat(fingerprint(reordered)).isEqualTo(fingerprint(BODY)).matches("[0-9a-f]{64}");
    }

    @Test
    void explicitNullsAndUnknownFieldsDoNotChangeIt() {
        String withNulls = BODY.replace("\"channel\":\"ECOMMERCE\"",
                "\"channel\":\"ECOMMERCE\",\"device\":null,\"location\":null,\"note\":\"ignored\"");

        assertThat(fingerprint(withNulls)).isEqualTo(fingerprint(BODY));
    }

    @Test
    void anyValueChangeChangesIt() {
        assertThat(fingerprint(BODY.replace("129.99", "129.98"))).isNotEqualTo(fingerprint(BODY));
        assertThat(fingerprint(BODY.replace("tok_1", "tok_2"))).isNotEqualTo(fingerprint(BODY));
        assertThat(fingerprint(BODY.replace("\"channel\":\"ECOMMERCE\"", "\"channel\":\"ECOMMERCE\",\"device\":{\"ip\":\"1.2.3.4\"}")))
                .isNotEqualTo(fingerprint(BODY));
    }

    @Test
    void canonicalFormIsSortedCompactJsonWithoutAbsentValues() {
        TransactionRequest request = JSON.readValue(BODY, TransactionRequest.class);

        assertThat(RequestFingerprint.canonicalForm(request)).isEqualTo(
                "{\"amount\":{\"currency\":\"EUR\",\"value\":\"129.99\"},"
                        + "\"card\":{\"bin\":\"424242\",\"country\":\"FR\",\"token\":\"tok_1\"},"
                        + "\"channel\":\"ECOMMERCE\",\"customer\":{\"id\":\"c-1\"},"
                        + "\"merchant\":{\"categoryCode\":\"5411\",\"country\":\"FR\",\"id\":\"m-1\"},"
                        + "\"occurredAt\":\"2026-11-22T10:15:30Z\",\"transactionId\":\"tx-1\"}");
    }

    private static String fingerprint(String json) {
        return RequestFingerprint.of(JSON.readValue(json, TransactionRequest.class));
    }
}
