package dev.fraudscore.predictservice.repository;

import dev.fraudscore.domain.DomainException;
import dev.fraudscore.model.InvalidModelException;
import dev.fraudscore.model.MarArchive;
import dev.fraudscore.model.ModelFormat;
import dev.fraudscore.model.ModelManifest;
import dev.fraudscore.model.ModelRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Copies a model version from a path outside the repository into it, as {@code <name>/<version>/} from its
 * manifest: a version folder (manifest.json beside its weights), or a TorchServe archive (.mar) with its manifest
 * beside it or inside it. The copy is staged in the model's folder and renamed into place, so the poller never
 * reads a version half-written; an existing version is never overwritten.
 */
public final class VersionImport {

    /** A version now in the repository. */
    public record Imported(String name, String version, Path dir) {
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,8}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ModelRepository repository;

    public VersionImport(ModelRepository repository) {
        this.repository = repository;
    }

    /**
     * @param expectedName the name the caller gives, or {@code null}; it must be the manifest's
     * @throws DomainException NOT_FOUND when nothing is at {@code source}, INVALID when it is not a version,
     *     MISMATCH when the repository already has that version, UNAVAILABLE when the copy fails
     */
    public synchronized Imported copy(Path source, String expectedName) {
        if (!Files.exists(source)) {
            throw new DomainException(DomainException.Kind.NOT_FOUND, "nothing is at " + source
                    + "; give the path, on predict-service's machine, of a version folder or of a .mar file");
        }
        boolean archive = Files.isRegularFile(source) && source.getFileName().toString().endsWith(".mar");
        if (!archive && !Files.isDirectory(source)) {
            throw invalid(source + " is neither a version folder (manifest.json beside its weights) nor a .mar file");
        }
        ModelManifest manifest = archive ? archiveManifest(source) : readManifest(source.resolve(ModelManifest.FILE_NAME));
        requireUsable(manifest, expectedName, source, archive);
        Path target = repository.versionDir(manifest.name(), manifest.version());
        requireAbsent(target, manifest);
        Path staging = target.resolveSibling(".incoming-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            if (archive) {
                Files.copy(source, staging.resolve(manifest.weights()));
                JSON.writeValue(staging.resolve(ModelManifest.FILE_NAME).toFile(), manifest);
            } else {
                copyFiles(source, staging);
            }
            requireAbsent(target, manifest);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return new Imported(manifest.name(), manifest.version(), target);
        } catch (IOException | UncheckedIOException | JacksonException e) {
            throw new DomainException(DomainException.Kind.UNAVAILABLE, "cannot copy " + source + " into the model"
                    + " repository as " + target + ": " + e.getMessage());
        } finally {
            deleteQuietly(staging);
        }
    }

    /**
     * Takes a version copied by {@link #copy} out of the repository again (one rename, then the files), and the
     * model's folder with it when nothing else is left in it.
     */
    public void remove(Imported imported) {
        Path leaving = imported.dir().resolveSibling(".leaving-" + UUID.randomUUID());
        try {
            Files.move(imported.dir(), leaving, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take " + imported.dir() + " out of the model repository", e);
        }
        deleteQuietly(leaving);
        try {
            Files.deleteIfExists(imported.dir().getParent()); // the model's folder, when it held only this version
        } catch (IOException notEmpty) {
            // other versions or files remain: the folder stays
        }
    }

    private static ModelManifest archiveManifest(Path mar) {
        Path beside = mar.resolveSibling(ModelManifest.FILE_NAME);
        if (Files.isRegularFile(beside)) {
            return readManifest(beside);
        }
        try (MarArchive archive = MarArchive.open(mar)) {
            return archive.embeddedManifest().orElseThrow(() -> invalid("the archive " + mar + " carries no "
                    + ModelManifest.FILE_NAME + " and none lies beside it; a version needs our manifest (feature set,"
                    + " inputs, thresholds)"));
        } catch (InvalidModelException e) {
            throw invalid(e.getMessage());
        }
    }

    private static ModelManifest readManifest(Path file) {
        if (!Files.isRegularFile(file)) {
            throw invalid(file.getParent() + " has no " + ModelManifest.FILE_NAME
                    + "; a version folder holds manifest.json beside its weights");
        }
        try {
            return JSON.readValue(file.toFile(), ModelManifest.class);
        } catch (JacksonException e) {
            throw invalid("cannot read the manifest " + file + ": " + e.getOriginalMessage());
        }
    }

    private static void requireUsable(ModelManifest manifest, String expectedName, Path source, boolean archive) {
        try {
            manifest.validate();
        } catch (InvalidModelException e) {
            throw invalid(e.getMessage());
        }
        if (expectedName != null && !expectedName.equals(manifest.name())) {
            throw invalid("model_name " + expectedName + " is not the name in the manifest of " + source + " ("
                    + manifest.name() + "); a version is registered under its manifest's name");
        }
        if (!NAME.matcher(manifest.name()).matches()) {
            throw invalid("the manifest of " + source + " names model '" + manifest.name() + "'; a model name is 1 to"
                    + " 128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (!VERSION.matcher(manifest.version()).matches()) {
            throw invalid("the manifest of " + source + " gives version '" + manifest.version()
                    + "'; a version is a positive whole number such as 3");
        }
        if (archive && manifest.modelFormat() != ModelFormat.TORCHSERVE_MAR) {
            throw invalid("the manifest of " + source + " has format " + manifest.modelFormat().manifestName()
                    + "; a .mar is served with format torchserve-mar and weights naming the archive");
        }
        if (!archive && !Files.isRegularFile(source.resolve(manifest.weights()))) {
            throw invalid("the manifest of " + source + " names weights " + manifest.weights()
                    + ", which that folder does not hold");
        }
    }

    private static void requireAbsent(Path target, ModelManifest manifest) {
        if (Files.exists(target)) {
            throw new DomainException(DomainException.Kind.MISMATCH, "version " + manifest.version() + " of "
                    + manifest.name() + " is already in the model repository (" + target + "); a version is never"
                    + " overwritten: give the new one another version in its manifest");
        }
    }

    /** The files directly in the folder: manifest, weights, evaluation report and plot; no sub-folder. */
    private static void copyFiles(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
    }

    private static DomainException invalid(String sentence) {
        return new DomainException(DomainException.Kind.INVALID, sentence);
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a leftover staging folder is not a version (its name is not a number): the poller ignores it
        }
    }
}
