package dev.fraudscore.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackfillCommandTest {

    @Test
    void aCutoffIsAnRfc3339TimeOrTheStartOfADay() {
        assertThat(Cutoff.parse("2018-08-01")).isEqualTo(Instant.parse("2018-08-01T00:00:00Z"));
        assertThat(Cutoff.parse("2018-08-01T12:30:00+02:00")).isEqualTo(Instant.parse("2018-08-01T10:30:00Z"));
        assertThatThrownBy(() -> Cutoff.parse("yesterday")).isInstanceOf(BackfillException.class)
                .hasMessageContaining("--cutoff: 'yesterday' is neither");
    }

    @Test
    void theRetryCachesTtlIsWrittenAsFeatureServicesConfigurationWritesIt() {
        assertThat(Cutoff.duration("--tx-cache-ttl", "24h")).isEqualTo(Duration.ofHours(24));
        assertThat(Cutoff.duration("--tx-cache-ttl", "90m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Cutoff.duration("--tx-cache-ttl", "PT2H")).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> Cutoff.duration("--tx-cache-ttl", "a day")).isInstanceOf(BackfillException.class)
                .hasMessageContaining("--tx-cache-ttl: 'a day' is not a duration");
    }

    @Test
    void fraudV1IsRefusedWithASentence() {
        assertThatThrownBy(() -> Backfill.declaredSet("fraud_v1")).isInstanceOf(BackfillException.class)
                .hasMessageContaining("fraud_v1 keeps a per-card history in a layout of its own");
        assertThatThrownBy(() -> Backfill.declaredSet("fraud_v7")).hasMessageContaining("unknown feature set");
        assertThat(Backfill.declaredSet("fraud_v2").id()).isEqualTo("fraud_v2");
    }

    @Test
    void theSentenceATaskThrewReachesThePerson() {
        Exception wrapped = new RuntimeException("Job aborted", new RuntimeException("task failed",
                new BackfillException("cannot write to the Redis at redis://x:1: refused")));
        assertThat(BackfillCommand.rootMessage(wrapped)).isEqualTo("cannot write to the Redis at redis://x:1: refused");
    }

    @Test
    void aGlobMatchesOnlyItself() {
        assertThat(StagedState.glob("fs:[a]*?\\")).isEqualTo("fs:\\[a\\]\\*\\?\\\\");
    }
}
