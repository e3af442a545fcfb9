package dev.fraudscore.predictservice.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Which versions of a model in the repository are served, as Triton's version policy: the latest N, the
 * ones listed, or all.
 *
 * @param latest   with {@link Kind#LATEST}, how many of the newest
 * @param specific with {@link Kind#SPECIFIC}, which ones
 */
public record VersionPolicy(Kind kind, int latest, Set<String> specific) {

    public enum Kind { LATEST, SPECIFIC, ALL }

    public VersionPolicy {
        specific = specific == null ? Set.of() : Set.copyOf(specific);
        if (kind == Kind.LATEST && latest < 1) {
            throw new IllegalArgumentException("a latest-versions policy serves at least 1 version, not " + latest);
        }
        if (kind == Kind.SPECIFIC && specific.isEmpty()) {
            throw new IllegalArgumentException("a specific-versions policy names at least one version");
        }
    }

    public static VersionPolicy latest(int count) {
        return new VersionPolicy(Kind.LATEST, count, Set.of());
    }

    /** The versions to serve among those present (numeric versions, any order). */
    public List<String> select(List<String> present) {
        List<String> newestFirst = present.stream()
                .sorted(Comparator.comparingLong(VersionPolicy::number).reversed()).toList();
        return switch (kind) {
            case LATEST -> newestFirst.stream().limit(latest).toList();
            case SPECIFIC -> newestFirst.stream().filter(specific::contains).toList();
            case ALL -> newestFirst;
        };
    }

    static long number(String version) {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
