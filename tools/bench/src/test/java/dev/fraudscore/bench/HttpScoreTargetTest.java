package dev.fraudscore.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpScoreTargetTest {

    @Test
    void readsTheDegradedMemberOfTheAnswer() {
        assertThat(HttpScoreTarget.classify(200, "{\"decision\":\"REVIEW\",\"degraded\":true}".getBytes(UTF_8)))
                .isEqualTo(LoadTarget.Outcome.DEGRADED);
        assertThat(HttpScoreTarget.classify(200, "{\"decision\":\"APPROVE\", \"degraded\" : false}".getBytes(UTF_8)))
                .isEqualTo(LoadTarget.Outcome.ANSWERED);
    }

    @Test
    void countsAnyOtherStatusOrAMalformedAnswerAsAnError() {
        assertThat(HttpScoreTarget.classify(503, "{\"degraded\":false}".getBytes(UTF_8)))
                .isEqualTo(LoadTarget.Outcome.failure("http 503"));
        assertThat(HttpScoreTarget.classify(200, "{\"decision\":\"APPROVE\"}".getBytes(UTF_8)).failed()).isTrue();
        assertThat(HttpScoreTarget.classify(200, "<html>".getBytes(UTF_8)).kind()).isEqualTo("answer not JSON");
    }
}
