package dev.fraudscore.support.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.support.apikey.ApiKeyRegistry.Caller;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ApiKeyRegistryTest {

    static final String DEV_KEY_SHA256 = "ef0481115c2c5f53b789c46e5fb5f7066b4562fd51a1ad7800361a834ceca30f";

    private final ApiKeyRegistry registry = new ApiKeyRegistry(List.of(
            Caller.ofHash("dev", DEV_KEY_SHA256),
            Caller.ofHash("checkout", ApiKeyRegistry.sha256Hex("fsk_checkout_secret"))));

    @Test
    void hashesLikeSha256sum() {
        // printf %s fsk_dev_local_only | sha256sum
        assertThat(ApiKeyRegistry.sha256Hex("fsk_dev_local_only")).isEqualTo(DEV_KEY_SHA256);
    }

    @Test
    void findsTheCallerOwningTheKey() {
        assertThat(registry.callerFor("fsk_dev_local_only")).contains("dev");
        assertThat(registry.callerFor("fsk_checkout_secret")).contains("checkout");
    }

    @Test
    void refusesUnknownNearAndEmptyKeys() {
        assertThat(registry.callerFor("fsk_dev_local_only ")).isEmpty();
        assertThat(registry.callerFor("FSK_DEV_LOCAL_ONLY")).isEmpty();
        assertThat(registry.callerFor(DEV_KEY_SHA256)).as("the hash is not the key").isEmpty();
        assertThat(registry.callerFor("")).isEmpty();
        assertThat(registry.callerFor(null)).isEmpty();
    }

    @Test
    void acceptsUpperCaseHex() {
        ApiKeyRegistry upper = new ApiKeyRegistry(List.of(Caller.ofHash("dev", DEV_KEY_SHA256.toUpperCase(Locale.ROOT))));

        assertThat(upper.callerFor("fsk_dev_local_only")).contains("dev");
    }

    @Test
    void anEmptyRegistryKnowsNobody() {
        assertThat(new ApiKeyRegistry(List.of()).callerFor("fsk_dev_local_only")).isEmpty();
    }

    @Test
    void rejectsMalformedHashes() {
        assertThatThrownBy(() -> Caller.ofHash("dev", "abc")).hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> Caller.ofHash("dev", "z".repeat(64))).hasMessageContaining("not hex");
        assertThatThrownBy(() -> Caller.ofHash(" ", DEV_KEY_SHA256)).hasMessageContaining("caller name");
    }

    @Test
    void rejectsTwoCallersSharingAKey() {
        assertThatThrownBy(() -> new ApiKeyRegistry(List.of(
                Caller.ofHash("dev", DEV_KEY_SHA256), Caller.ofHash("other", DEV_KEY_SHA256))))
                .hasMessageContaining("'dev'").hasMessageContaining("'other'");
    }
}
