package dev.fraudscore.predictservice.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoutingTest {

    private static final int CARDS = 10_000;

    @ParameterizedTest
    @ValueSource(doubles = {1, 5, 20, 50, 90})
    void theCanaryAnswersItsShareOfCardsWithinTwoPoints(double percent) {
        Routing routing = new Routing("1", "2", percent, List.of());

        long canary = cards().filter(card -> routing.versionFor(card).equals("2")).count();

        assertThat(100.0 * canary / CARDS).isCloseTo(percent, within(2.0));
    }

    @Test
    void oneCardAlwaysSeesOneVersionOnEveryReplica() {
        Routing here = new Routing("1", "2", 30, List.of());
        Routing elsewhere = new Routing("1", "2", 30, List.of("3"));

        List<String> first = cards().map(here::versionFor).toList();

        assertThat(cards().map(here::versionFor).toList()).isEqualTo(first);
        assertThat(cards().map(elsewhere::versionFor).toList()).isEqualTo(first);
        assertThat(first).contains("1", "2");
    }

    @Test
    void aLargerShareKeepsTheCardsOfTheSmallerOne() {
        Routing ten = new Routing("1", "2", 10, List.of());
        Routing twenty = new Routing("1", "2", 20, List.of());

        assertThat(cards().filter(card -> ten.versionFor(card).equals("2")))
                .allSatisfy(card -> assertThat(twenty.versionFor(card)).isEqualTo("2"));
    }

    @Test
    void anEmptyRoutingKeyGoesToThePrimary() {
        Routing allCanary = new Routing("1", "2", 100, List.of());
        assertThat(allCanary.versionFor("card-7")).isEqualTo("2");
        assertThat(allCanary.versionFor("")).isEqualTo("1");
        assertThat(allCanary.versionFor(null)).isEqualTo("1");
    }

    @Test
    void withoutACanaryOrWithNoShareEveryCardGoesToThePrimary() {
        assertThat(cards().map(Routing.primaryOnly("4")::versionFor)).containsOnly("4");
        assertThat(cards().map(new Routing("4", "5", 0, List.of())::versionFor)).containsOnly("4");
    }

    @Test
    void shadowsNeverAnswer() {
        Routing routing = new Routing("1", null, 0, List.of("2", "3"));
        assertThat(cards().map(routing::versionFor)).containsOnly("1");
        assertThat(routing.versions()).containsExactly("1", "2", "3");
    }

    @Test
    void refusesAShareOutsideZeroToHundred() {
        assertThatThrownBy(() -> new Routing("1", "2", 100.5, List.of()))
                .hasMessage("the canary share must be between 0 and 100 percent, not 100.5");
        assertThatThrownBy(() -> new Routing("1", "2", Double.NaN, List.of()))
                .hasMessageContaining("not NaN");
    }

    private static java.util.stream.Stream<String> cards() {
        return IntStream.range(0, CARDS).mapToObj(i -> "card-" + i);
    }
}
