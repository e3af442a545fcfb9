package dev.fraudscore.predictservice.model;

import dev.fraudscore.predictservice.domain.ModelRegistry;
import dev.fraudscore.predictservice.domain.Routing;
import dev.fraudscore.predictservice.domain.ServedModel;
import dev.fraudscore.predictservice.domain.ServingVersion;
import dev.fraudscore.predictservice.repository.ModelFolders;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a model's routing: its {@code routing.yaml} when every version it names is servable and shares the
 * primary's feature set (a canary or shadow scores the same vector), else the last good routing while its
 * versions are still servable, else the newest servable version alone. A refused file is logged once, counted,
 * and shown in the metadata.
 */
final class RoutingRules {

    private static final Logger log = LoggerFactory.getLogger(RoutingRules.class);

    private final ModelRegistry registry;
    private final ModelFolders folders;
    private final ModelEvents events;

    RoutingRules(ModelRegistry registry, ModelFolders folders, ModelEvents events) {
        this.registry = registry;
        this.folders = folders;
        this.events = events;
    }

    /** @param leaving versions about to be retired: the routing must not send requests to them */
    void apply(String name, Set<String> leaving) {
        ServedModel model = registry.model(name).map(m -> without(m, leaving)).orElse(null);
        if (model == null) {
            return;
        }
        String error = null;
        Routing chosen;
        try {
            Optional<Routing> asked = folders.routing(name);
            asked.ifPresent(routing -> requireServable(model, routing));
            chosen = asked.orElseGet(() -> newestAlone(model));
        } catch (IllegalArgumentException refused) {
            error = refused.getMessage();
            chosen = model.routing() != null && isServable(model, model.routing()) ? model.routing() : newestAlone(model);
        }
        if (!Objects.equals(error, model.routingError()) && error != null) {
            log.error("routing of {} refused: {}; requests follow {}", name, error, chosen);
            events.routingRefused(name);
        }
        if (!Objects.equals(chosen, model.routing())) {
            log.info("routing of {} is now {}", name, chosen);
        }
        registry.route(name, chosen, error);
    }

    private void requireServable(ServedModel model, Routing routing) {
        Map<String, ServingVersion> ready = model.ready();
        for (String version : routing.versions()) {
            if (!ready.containsKey(version)) {
                throw new IllegalArgumentException(folders.file(model.name(), ModelFolders.ROUTING) + " names version "
                        + version + ", which is not servable; its versions: " + model.describeVersions());
            }
        }
        var primarySet = ready.get(routing.primary()).manifest().featureSet();
        for (String version : routing.versions()) {
            var set = ready.get(version).manifest().featureSet();
            if (!set.matches(primarySet)) {
                throw new IllegalArgumentException(folders.file(model.name(), ModelFolders.ROUTING) + " routes to version "
                        + version + " on feature set " + set.describe() + " beside primary " + routing.primary() + " on "
                        + primarySet.describe() + "; canary and shadows must score the primary's vector");
            }
        }
    }

    private static ServedModel without(ServedModel model, Set<String> leaving) {
        Map<String, ServingVersion> staying = new HashMap<>(model.ready());
        staying.keySet().removeAll(leaving);
        return new ServedModel(model.name(), staying, model.routing(), model.statuses(), model.routingError());
    }

    private static boolean isServable(ServedModel model, Routing routing) {
        return routing.versions().stream().allMatch(model.ready()::containsKey);
    }

    private static Routing newestAlone(ServedModel model) {
        return model.ready().keySet().stream()
                .max(Comparator.comparingLong(RoutingRules::number))
                .map(Routing::primaryOnly).orElse(null);
    }

    private static long number(String version) {
        try {
            return Long.parseLong(version);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
