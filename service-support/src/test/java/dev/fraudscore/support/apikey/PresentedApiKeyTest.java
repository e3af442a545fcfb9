package dev.fraudscore.support.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PresentedApiKeyTest {

    @Test
    void takesTheApiKeyHeader() {
        assertThat(PresentedApiKey.from("fsk_a", null)).contains("fsk_a");
        assertThat(PresentedApiKey.from("  fsk_a ", null)).contains("fsk_a");
    }

    @Test
    void takesABearerToken() {
        assertThat(PresentedApiKey.from(null, "Bearer fsk_b")).contains("fsk_b");
        assertThat(PresentedApiKey.from(null, "bearer fsk_b")).contains("fsk_b");
        assertThat(PresentedApiKey.from("", "BEARER  fsk_b ")).contains("fsk_b");
    }

    @Test
    void prefersTheApiKeyHeader() {
        assertThat(PresentedApiKey.from("fsk_a", "Bearer fsk_b")).contains("fsk_a");
    }

    @Test
    void findsNoKeyElsewhere() {
        assertThat(PresentedApiKey.from(null, null)).isEmpty();
        assertThat(PresentedApiKey.from("   ", null)).isEmpty();
        assertThat(PresentedApiKey.from(null, "Basic ZGV2OnNlY3JldA==")).isEmpty();
        assertThat(PresentedApiKey.from(null, "Bearer")).isEmpty();
        assertThat(PresentedApiKey.from(null, "Bearer    ")).isEmpty();
        assertThat(PresentedApiKey.from(null, "Bearerfsk_b")).isEmpty();
    }
}
