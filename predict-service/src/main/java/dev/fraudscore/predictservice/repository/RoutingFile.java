package dev.fraudscore.predictservice.repository;

import dev.fraudscore.domain.DomainException;
import dev.fraudscore.predictservice.domain.Routing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Changes a model's {@code routing.yaml} so that the change survives a restart and the poller applies it: each
 * write goes to a temporary file in the model's folder, then one rename replaces the file, so a reader sees the
 * old file or the new one, never half of one.
 */
public final class RoutingFile {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final ModelFolders folders;

    public RoutingFile(ModelFolders folders) {
        this.folders = folders;
    }

    /** The file as it is now, to put it back with {@link #restore}; empty when the model has none. */
    public Optional<byte[]> snapshot(String model) {
        Path file = folders.file(model, ModelFolders.ROUTING);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Makes {@code version} the primary, keeping the canary and the shadows (less {@code version} itself).
     *
     * @return the routing the file now asks for
     * @throws DomainException MISMATCH when the present file cannot be read (it is left as it is)
     */
    public Routing writePrimary(String model, String version) {
        Routing asked;
        try {
            asked = folders.routing(model).orElse(null);
        } catch (IllegalArgumentException unreadable) {
            throw new DomainException(DomainException.Kind.MISMATCH, "cannot change the routing of " + model + ": "
                    + unreadable.getMessage() + "; fix or remove the file first");
        }
        boolean keepCanary = asked != null && asked.canary() != null && !asked.canary().equals(version);
        List<String> shadows = asked == null ? List.of() : asked.shadows().stream().filter(s -> !s.equals(version)).toList();
        Routing routing = new Routing(version, keepCanary ? asked.canary() : null, keepCanary ? asked.canaryPercent() : 0,
                shadows);
        replace(model, YAML.writeValueAsBytes(yaml(routing)));
        return routing;
    }

    /** Puts back the file {@link #snapshot} saw (removes it if there was none). */
    public void restore(String model, Optional<byte[]> snapshot) {
        if (snapshot.isPresent()) {
            replace(model, snapshot.get());
            return;
        }
        try {
            Files.deleteIfExists(folders.file(model, ModelFolders.ROUTING));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + folders.file(model, ModelFolders.ROUTING), e);
        }
    }

    /** The shape {@link ModelFolders#routing} reads, without the parts that are not there. */
    private static Map<String, Object> yaml(Routing routing) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("primary", routing.primary());
        if (routing.canary() != null) {
            Map<String, Object> canary = new LinkedHashMap<>();
            canary.put("version", routing.canary());
            canary.put("percent", routing.canaryPercent());
            file.put("canary", canary);
        }
        if (!routing.shadows().isEmpty()) {
            file.put("shadows", routing.shadows());
        }
        return file;
    }

    private void replace(String model, byte[] content) {
        Path file = folders.file(model, ModelFolders.ROUTING);
        Path temporary = file.resolveSibling(ModelFolders.ROUTING + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(temporary, content);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the temporary file's name is not routing.yaml: the poller never reads it
            }
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
