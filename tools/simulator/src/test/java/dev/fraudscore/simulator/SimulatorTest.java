package dev.fraudscore.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fraudscore.domain.Channel;
import dev.fraudscore.features.FeatureTransaction;
import java.io.StringWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SimulatorTest {

    private static final SimulationConfig SMALL = SimulationConfig.of(7, 500, 30);
    private static final List<LabelledTransaction> RUN = Simulator.generate(SMALL);

    @Test
    void sameSeedGivesIdenticalOutput() {
        assertThat(Simulator.generate(SMALL)).isEqualTo(RUN);
    }

    @Test
    void differentSeedsDiffer() {
        List<LabelledTransaction> other = Simulator.generate(SimulationConfig.of(8, 500, 30));
        assertThat(other).isNotEqualTo(RUN);
        assertThat(other.get(0).transaction().transactionId()).isNotEqualTo(RUN.get(0).transaction().transactionId());
    }

    @Test
    void everyFraudPatternAppears() {
        Set<FraudPattern> seen = RUN.stream().map(LabelledTransaction::pattern)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(FraudPattern.class)));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(FraudPattern.defaultProfile());
    }

    @Test
    void fraudRateIsInASaneBand() {
        double rate = RUN.stream().filter(LabelledTransaction::fraud).count() / (double) RUN.size();
        assertThat(rate).isBetween(0.005, 0.04);
        assertThat(RUN.size()).isBetween(10_000, 40_000);
    }

    @Test
    void outputIsSortedByTimeWithinThePeriodAndIdsAreUnique() {
        for (int i = 1; i < RUN.size(); i++) {
            assertThat(RUN.get(i).transaction().occurredAt()).isAfterOrEqualTo(RUN.get(i - 1).transaction().occurredAt());
        }
        assertThat(RUN.get(0).transaction().occurredAt()).isAfterOrEqualTo(SMALL.start());
        assertThat(RUN.get(RUN.size() - 1).transaction().occurredAt()).isBefore(SMALL.end());
        Set<String> ids = new HashSet<>();
        RUN.forEach(t -> ids.add(t.transaction().transactionId()));
        assertThat(ids).hasSize(RUN.size());
    }

    @Test
    void cardTestingIsABurstOfSmallWebPaymentsAtNewMerchants() {
        Map<String, List<FeatureTransaction>> probesByCard = RUN.stream()
                .filter(t -> t.pattern() == FraudPattern.CARD_TESTING && t.transaction().amountMinor() <= 500)
                .map(LabelledTransaction::transaction)
                .collect(Collectors.groupingBy(FeatureTransaction::cardKey));
        assertThat(probesByCard).isNotEmpty();
        for (List<FeatureTransaction> probes : probesByCard.values()) {
            assertThat(probes).hasSizeGreaterThanOrEqualTo(6);
            assertThat(probes).allMatch(tx -> tx.channel() == Channel.ECOMMERCE);
            FeatureTransaction first = probes.get(0);
            FeatureTransaction sixth = probes.get(5);
            assertThat(Duration.between(first.occurredAt(), sixth.occurredAt())).isLessThan(Duration.ofMinutes(10));
            Set<String> merchants = new HashSet<>();
            probes.subList(0, 6).forEach(tx -> merchants.add(tx.merchantKey()));
            assertThat(merchants).hasSize(6);
        }
    }

    @Test
    void nightTimeFraudHappensAtNight() {
        List<LabelledTransaction> night = RUN.stream().filter(t -> t.pattern() == FraudPattern.NIGHT_TIME).toList();
        assertThat(night).isNotEmpty().allMatch(t -> hourUtc(t) < 7);
        long abroad = night.stream()
                .filter(t -> !t.transaction().cardCountry().equals(t.transaction().merchantCountry())).count();
        assertThat(abroad).isGreaterThan(night.size() / 3);
    }

    @Test
    void highAmountFraudIsFarAboveTheCardsUsualAmounts() {
        Map<String, Double> medianByCard = new HashMap<>();
        Map<String, List<Long>> genuine = RUN.stream().filter(t -> !t.fraud())
                .collect(Collectors.groupingBy(t -> t.transaction().cardKey(),
                        Collectors.mapping(t -> t.transaction().amountMinor(), Collectors.toList())));
        genuine.forEach((card, amounts) -> medianByCard.put(card, median(amounts)));
        List<LabelledTransaction> high = RUN.stream()
                .filter(t -> t.pattern() == FraudPattern.HIGH_AMOUNT_NEW_MERCHANT).toList();
        assertThat(high).isNotEmpty().allMatch(t -> t.transaction().amountMinor() >= 25_000);
        long farAbove = high.stream()
                .filter(t -> t.transaction().amountMinor() > 4 * medianByCard.getOrDefault(t.transaction().cardKey(), 0.0))
                .count();
        assertThat(farAbove).isGreaterThan(high.size() * 8 / 10);
    }

    @Test
    void habitMimicryPaysOnlineFromHomeAtWakingHoursForOrdinaryAmounts() {
        List<LabelledTransaction> mimicry = RUN.stream().filter(t -> t.pattern() == FraudPattern.HABIT_MIMICRY).toList();
        assertThat(mimicry).isNotEmpty().allMatch(t -> t.transaction().channel() == Channel.ECOMMERCE);
        assertThat(mimicry).allMatch(t -> hourUtc(t) >= 5);
        assertThat(mimicry).allMatch(t -> t.transaction().amountMinor() < 200_000);
    }

    @Test
    void genuinePaymentsAlsoComeInQuickRunsAtOneMerchant() {
        // retries after a decline, split payments and in-app purchases: the same card and merchant within 5 minutes
        Map<String, List<LabelledTransaction>> byCardAndMerchant = RUN.stream().filter(t -> !t.fraud())
                .collect(Collectors.groupingBy(t -> t.transaction().cardKey() + "|" + t.transaction().merchantKey()));
        long retries = 0;
        long quickRuns = 0;
        for (List<LabelledTransaction> payments : byCardAndMerchant.values()) {
            for (int i = 1; i < payments.size(); i++) {
                FeatureTransaction before = payments.get(i - 1).transaction();
                FeatureTransaction after = payments.get(i).transaction();
                if (Duration.between(before.occurredAt(), after.occurredAt()).compareTo(Duration.ofMinutes(5)) <= 0) {
                    quickRuns++;
                    retries += before.amountMinor() == after.amountMinor() ? 1 : 0;
                }
            }
        }
        assertThat(retries).as("genuine repeats of the same amount within 5 minutes").isGreaterThan(100);
        assertThat(quickRuns).isGreaterThan(retries);
    }

    @Test
    void holdersTravellingFarPayAtTheirLocalWakingHoursWhichIsNightInUtc() {
        Set<String> far = Country.FAR.stream().map(Country::code).collect(Collectors.toSet());
        List<LabelledTransaction> farShops = RUN.stream().filter(t -> !t.fraud())
                .filter(t -> t.transaction().channel() == Channel.POS && far.contains(t.transaction().merchantCountry()))
                .toList();
        assertThat(farShops).isNotEmpty();
        assertThat(farShops).anyMatch(t -> hourUtc(t) < 5);
    }

    @Test
    void writesOneParsableJsonObjectPerLine() {
        StringWriter out = new StringWriter();
        JsonLines.write(RUN.subList(0, 50), out);
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(50);
        Map<?, ?> first = JsonMapper.builder().build().readValue(lines[0], Map.class);
        FeatureTransaction tx = RUN.get(0).transaction();
        assertThat(first.get("transactionId")).isEqualTo(tx.transactionId());
        assertThat(first.get("occurredAt")).isEqualTo(tx.occurredAt().toString());
        assertThat(((Number) first.get("amountMinor")).longValue()).isEqualTo(tx.amountMinor());
        assertThat(first.get("pattern")).isEqualTo(RUN.get(0).pattern().label());
        assertThat(first.get("channel")).isEqualTo(tx.channel().name());
    }

    @Test
    void refusesAnEmptyPopulation() {
        assertThatThrownBy(() -> SimulationConfig.of(1, 0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one card");
    }

    private static int hourUtc(LabelledTransaction t) {
        return t.transaction().occurredAt().atZone(ZoneOffset.UTC).getHour();
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
