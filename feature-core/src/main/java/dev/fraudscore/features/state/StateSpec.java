package dev.fraudscore.features.state;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The state a feature set declares: its aggregates in order. The stores read and write exactly these, and hand the
 * set an {@link AggregateState} holding each aggregate's numbers in this order.
 */
public final class StateSpec {

    private final List<Aggregate> aggregates;
    private final Map<Aggregate, Integer> offsets = new HashMap<>();
    private final int width;
    /** Asked once a transaction and once a label by the stores: worked out once. */
    private final List<Tiles> labelledTiles;
    private final Duration labelHorizon;

    private StateSpec(List<Aggregate> aggregates) {
        this.aggregates = List.copyOf(aggregates);
        if (this.aggregates.isEmpty()) {
            throw new IllegalArgumentException("a state declares at least one aggregate");
        }
        var names = new HashSet<String>();
        int at = 0;
        for (Aggregate a : this.aggregates) {
            if (!names.add(a.name())) {
                throw new IllegalArgumentException("two aggregates are named " + a.name());
            }
            offsets.put(a, at);
            at += a.width();
        }
        this.width = at;
        this.labelledTiles = this.aggregates.stream().filter(a -> a instanceof Tiles t && t.counts(Counter.FRAUD))
                .map(Tiles.class::cast).toList();
        this.labelHorizon = labelledTiles.stream().map(Tiles::ttl).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    public static StateSpec of(Aggregate... aggregates) {
        return new StateSpec(List.of(aggregates));
    }

    public List<Aggregate> aggregates() {
        return aggregates;
    }

    /** How many numbers an {@link AggregateState} of this spec holds. */
    public int width() {
        return width;
    }

    int offset(Aggregate aggregate) {
        Integer at = offsets.get(aggregate);
        if (at == null) {
            throw new IllegalArgumentException(aggregate.name() + " is not declared in this state");
        }
        return at;
    }

    /** Tiles that count labels: recording a label moves them. */
    public List<Tiles> labelledTiles() {
        return labelledTiles;
    }

    public boolean countsLabels() {
        return !labelledTiles().isEmpty();
    }

    /**
     * How long a transaction can still receive a label that moves something: the longest span a labelled tile is
     * kept. Its record (merchant, card, instant, label) is kept that long.
     */
    public Duration labelHorizon() {
        return labelHorizon;
    }

    /** A stable text of the whole declaration, for fingerprints. */
    public String describe() {
        return aggregates.stream().map(Aggregate::describe).collect(Collectors.joining("\n"));
    }
}
