package dev.fraudscore.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SyntheticPaymentsTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T10:15:30.123Z"), ZoneOffset.UTC);

    @Test
    void givesEveryRequestANewTransactionOnOneOfTheCards() {
        SyntheticPayments payments = new SyntheticPayments("run1", 50, clock, 7);
        Set<String> ids = new HashSet<>();
        Set<String> cards = new HashSet<>();
        for (int n = 0; n < 2_000; n++) {
            SyntheticPayments.Payment payment = payments.next(n);
            ids.add(payment.transactionId());
            cards.add(payment.cardToken());
        }

        assertThat(ids).hasSize(2_000);
        assertThat(cards).hasSize(50);
    }

    @Test
    void writesABodyOfThePublicContract() {
        JsonNode body = ResultFile.JSON.readTree(new SyntheticPayments("run1", 10, clock, 7).next(42).json());

        assertThat(body.get("transactionId").asString()).isEqualTo("run1-42").matches("[A-Za-z0-9_-]{1,64}");
        assertThat(body.get("occurredAt").asString()).isEqualTo("2026-12-06T10:15:30Z");
        assertThat(body.get("amount").get("value").asString()).matches("[0-9]+\\.[0-9]{2}");
        assertThat(body.get("amount").get("currency").asString()).isEqualTo("EUR");
        assertThat(body.get("card").get("token").asString()).startsWith("tok_bench_");
        assertThat(body.get("merchant").get("categoryCode").asString()).isEqualTo("5411");
        assertThat(SyntheticPayments.CHANNELS).contains(body.get("channel").asString());
    }

    @Test
    void refusesARunIdTheApiWouldRefuse() {
        assertThatThrownBy(() -> new SyntheticPayments("run 1", 10, clock, 7)).hasMessageContaining("run id");
    }
}
