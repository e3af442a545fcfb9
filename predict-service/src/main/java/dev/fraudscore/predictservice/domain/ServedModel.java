package dev.fraudscore.predictservice.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One model as the service serves it at an instant: its servable versions, how requests are routed
 * among them, and the state of every version it knows. Immutable; the registry swaps whole values.
 *
 * @param routing      {@code null} while no version is servable
 * @param routingError why the model's routing file was refused ({@code null} when it was not)
 */
public record ServedModel(String name, Map<String, ServingVersion> ready, Routing routing,
        Map<String, VersionStatus> statuses, String routingError) {

    public ServedModel {
        ready = Map.copyOf(ready);
        statuses = Map.copyOf(statuses);
    }

    static ServedModel empty(String name) {
        return new ServedModel(name, Map.of(), null, Map.of(), null);
    }

    /** The version that answers by default, if any is servable. */
    public Optional<ServingVersion> primary() {
        return routing == null ? Optional.empty() : Optional.ofNullable(ready.get(routing.primary()));
    }

    /** Every known version, oldest first. */
    public List<VersionStatus> versions() {
        return statuses.values().stream().sorted(Comparator.comparingLong(s -> VersionPolicy.number(s.version()))).toList();
    }

    /** "1 (READY), 2 (FAILED: ...)": for sentences. */
    public String describeVersions() {
        if (statuses.isEmpty()) {
            return "none";
        }
        return String.join(", ", versions().stream().map(s -> s.version() + " (" + s.state()
                + (s.reason() == null ? "" : ": " + s.reason()) + ")").toList());
    }
}
