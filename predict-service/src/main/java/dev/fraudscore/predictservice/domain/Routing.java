package dev.fraudscore.predictservice.domain;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Which version of a model answers a request: the primary, or the canary for a fixed share of routing
 * keys (cards), so one card always sees one version; shadows score the same rows off the request path and
 * never answer.
 *
 * @param canary        {@code null} for none
 * @param canaryPercent share of routing keys, 0 to 100, in steps of 0.01
 */
public record Routing(String primary, String canary, double canaryPercent, List<String> shadows) {

    private static final int BUCKETS = 10_000;

    public Routing {
        shadows = shadows == null ? List.of() : List.copyOf(shadows);
        if (!(canaryPercent >= 0 && canaryPercent <= 100)) {
            throw new IllegalArgumentException("the canary share must be between 0 and 100 percent, not " + canaryPercent);
        }
    }

    public static Routing primaryOnly(String version) {
        return new Routing(version, null, 0, List.of());
    }

    /** The version that answers a request with this routing key; the primary when the key is empty. */
    public String versionFor(String routingKey) {
        if (canary == null || canaryPercent == 0 || routingKey == null || routingKey.isEmpty()) {
            return primary;
        }
        return bucket(routingKey) < Math.round(canaryPercent * BUCKETS / 100) ? canary : primary;
    }

    /** A stable bucket in [0, 10000) per key: the same card lands in the same bucket on every replica. */
    static int bucket(String routingKey) {
        return Math.floorMod(Hashing.murmur3_32_fixed().hashString(routingKey, StandardCharsets.UTF_8).asInt(), BUCKETS);
    }

    /** Every version this routing names. */
    public List<String> versions() {
        List<String> all = new java.util.ArrayList<>();
        all.add(primary);
        if (canary != null) {
            all.add(canary);
        }
        all.addAll(shadows);
        return all;
    }

    @Override
    public String toString() {
        return "primary " + primary + (canary == null ? "" : ", canary " + canary + " for " + canaryPercent + "% of cards")
                + (shadows.isEmpty() ? "" : ", shadows " + shadows);
    }
}
