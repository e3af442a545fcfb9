package dev.fraudscore.predictservice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VersionPolicyTest {

    /** In the order a directory listing may give them: 10 is newer than 9, whatever the text order. */
    private static final List<String> PRESENT = List.of("9", "2", "10", "1");

    @Test
    void latestServesTheNewestVersionsByNumberNotByText() {
        assertThat(VersionPolicy.latest(1).select(PRESENT)).containsExactly("10");
        assertThat(VersionPolicy.latest(2).select(PRESENT)).containsExactly("10", "9");
    }

    @Test
    void latestServesWhatThereIsWhenFewerVersionsArePresent() {
        assertThat(VersionPolicy.latest(3).select(List.of("4"))).containsExactly("4");
        assertThat(VersionPolicy.latest(3).select(List.of())).isEmpty();
    }

    @Test
    void specificServesTheListedVersionsThatArePresent() {
        VersionPolicy policy = new VersionPolicy(VersionPolicy.Kind.SPECIFIC, 0, Set.of("2", "9", "7"));
        assertThat(policy.select(PRESENT)).containsExactly("9", "2");
    }

    @Test
    void allServesEveryVersionNewestFirst() {
        VersionPolicy policy = new VersionPolicy(VersionPolicy.Kind.ALL, 0, Set.of());
        assertThat(policy.select(PRESENT)).containsExactly("10", "9", "2", "1");
    }

    @Test
    void refusesAPolicyThatCouldServeNothing() {
        assertThatThrownBy(() -> VersionPolicy.latest(0))
                .hasMessage("a latest-versions policy serves at least 1 version, not 0");
        assertThatThrownBy(() -> new VersionPolicy(VersionPolicy.Kind.SPECIFIC, 0, Set.of()))
                .hasMessage("a specific-versions policy names at least one version");
    }
}
