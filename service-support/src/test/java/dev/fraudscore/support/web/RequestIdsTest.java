package dev.fraudscore.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    private final RequestIds requestIds = new RequestIds(() -> "generated");

    @ParameterizedTest
    @ValueSource(strings = {"a", "req-123", "0f8e.A_b-c", "7d444840-9dc0-11d1-b245-5ffdce74fad2"})
    void keepsAPlainCallerId(String callerId) {
        assertThat(requestIds.keepOrGenerate(callerId)).isEqualTo(callerId);
    }

    @Test
    void keepsUpTo128Characters() {
        String longest = "x".repeat(128);

        assertThat(requestIds.keepOrGenerate(longest)).isEqualTo(longest);
        assertThat(requestIds.keepOrGenerate(longest + "x")).isEqualTo("generated");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"has space", "a/b", "line\nbreak", "<script>", "café", "a;b", "id\r\nX-Caller: admin"})
    void replacesAnythingElse(String callerId) {
        assertThat(requestIds.keepOrGenerate(callerId)).isEqualTo("generated");
    }

    @Test
    void generatesUuidsThatTheRuleAccepts() {
        String generated = RequestIds.randomUuids().keepOrGenerate(null);

        assertThat(generated).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(RequestIds.isAcceptable(generated)).isTrue();
        assertThat(RequestIds.randomUuids().keepOrGenerate(null)).isNotEqualTo(generated);
    }
}
