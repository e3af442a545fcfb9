package dev.fraudscore.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HandbookProfileTest {

    private static final LocalDate START = LocalDate.of(2018, 4, 1);
    private static final List<LabelledTransaction> RUN = HandbookProfile.generate(11, 300, 600, 40, START);

    @Test
    void sameSeedSameData() {
        assertThat(HandbookProfile.generate(11, 300, 600, 40, START)).isEqualTo(RUN);
    }

    @Test
    void paymentsAreSortedWithinTheDaysAndAroundNoon() {
        Instant first = Instant.parse("2018-04-01T00:00:00Z");
        for (int i = 1; i < RUN.size(); i++) {
            assertThat(RUN.get(i).transaction().occurredAt()).isAfterOrEqualTo(RUN.get(i - 1).transaction().occurredAt());
        }
        assertThat(RUN.get(RUN.size() - 1).transaction().occurredAt()).isBefore(first.plus(Duration.ofDays(40)));
        double meanHour = RUN.stream().mapToDouble(t -> t.transaction().occurredAt().atZone(ZoneOffset.UTC)
                .toLocalTime().toSecondOfDay() / 3600.0).average().orElseThrow();
        assertThat(meanHour).isBetween(11.5, 12.5);
        // 300 customers at a mean of 2 payments a day, a few without a terminal in reach
        assertThat(RUN.size()).isBetween(18_000, 26_000);
    }

    @Test
    void allThreeScenariosAppearAndFollowTheirRules() {
        Map<FraudPattern, Long> byPattern = RUN.stream()
                .collect(Collectors.groupingBy(LabelledTransaction::pattern, Collectors.counting()));
        assertThat(byPattern).containsKeys(FraudPattern.HANDBOOK_LARGE_AMOUNT,
                FraudPattern.HANDBOOK_COMPROMISED_TERMINAL, FraudPattern.HANDBOOK_COMPROMISED_CUSTOMER);
        assertThat(RUN.stream().filter(t -> t.transaction().amountMinor() > 22_000)).allMatch(LabelledTransaction::fraud);
        assertThat(RUN.stream().filter(t -> t.pattern() == FraudPattern.HANDBOOK_LARGE_AMOUNT))
                .allMatch(t -> t.transaction().amountMinor() > 22_000);
        // a compromised terminal's payments are all fraud for 28 days: take one and look at its next day
        LabelledTransaction hit = RUN.stream().filter(t -> t.pattern() == FraudPattern.HANDBOOK_COMPROMISED_TERMINAL)
                .findFirst().orElseThrow();
        Instant until = hit.transaction().occurredAt().plus(Duration.ofDays(1));
        assertThat(RUN.stream().filter(t -> t.transaction().merchantKey().equals(hit.transaction().merchantKey()))
                .filter(t -> !t.transaction().occurredAt().isBefore(hit.transaction().occurredAt()))
                .filter(t -> t.transaction().occurredAt().isBefore(until))).allMatch(LabelledTransaction::fraud);
        double rate = RUN.stream().filter(LabelledTransaction::fraud).count() / (double) RUN.size();
        assertThat(rate).isBetween(0.01, 0.2);
    }

    @Test
    void customersPayAtTerminalsNearThem() {
        Map<String, Long> terminalsPerCustomer = RUN.stream().collect(Collectors.groupingBy(
                LabelledTransaction::customerId, Collectors.mapping(t -> t.transaction().merchantKey(),
                        Collectors.collectingAndThen(Collectors.toSet(), s -> (long) s.size()))));
        // 600 terminals on 100 x 100: about pi * 25 * 0.06 = 4.7 in reach of a customer
        double mean = terminalsPerCustomer.values().stream().mapToLong(Long::longValue).average().orElseThrow();
        assertThat(mean).isBetween(2.0, 9.0);
        assertThat(terminalsPerCustomer.values().stream().map(Function.identity())).allMatch(n -> n <= 25);
    }
}
