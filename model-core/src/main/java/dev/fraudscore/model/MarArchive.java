package dev.fraudscore.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A TorchServe model archive ({@code .mar}): a zip whose {@code MAR-INF/MANIFEST.json} names, in
 * {@code model.serializedFile}, the TorchScript file inside. It may also hold our {@code manifest.json}.
 * Opening it checks all of that, with a sentence naming the archive and what is wrong.
 */
public final class MarArchive implements AutoCloseable {

    public static final String MAR_MANIFEST = "MAR-INF/MANIFEST.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;
    private final ZipFile zip;
    private final ZipEntry serialized;

    private MarArchive(Path file, ZipFile zip, ZipEntry serialized) {
        this.file = file;
        this.zip = zip;
        this.serialized = serialized;
    }

    public static MarArchive open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidModelException("the model archive " + file + " does not exist");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new InvalidModelException("the model archive " + file + " is not a zip file (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new InvalidModelException("cannot read the model archive " + file + ": " + e.getMessage(), e);
        }
        try {
            return new MarArchive(file, zip, serializedEntry(file, zip));
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    private static ZipEntry serializedEntry(Path file, ZipFile zip) {
        ZipEntry marManifest = zip.getEntry(MAR_MANIFEST);
        if (marManifest == null) {
            throw new InvalidModelException("the model archive " + file + " has no " + MAR_MANIFEST
                    + ", so it is not a TorchServe model archive");
        }
        JsonNode serializedFile;
        try (InputStream in = zip.getInputStream(marManifest)) {
            serializedFile = JSON.readTree(in).path("model").path("serializedFile");
        } catch (IOException | JacksonException e) {
            throw new InvalidModelException("the " + MAR_MANIFEST + " of the model archive " + file
                    + " is not JSON: " + e.getMessage(), e);
        }
        if (!serializedFile.isString() || serializedFile.asString().isBlank()) {
            throw new InvalidModelException("the " + MAR_MANIFEST + " of the model archive " + file
                    + " names no model.serializedFile (the TorchScript file to serve)");
        }
        ZipEntry entry = zip.getEntry(serializedFile.asString());
        if (entry == null || entry.isDirectory()) {
            throw new InvalidModelException("the " + MAR_MANIFEST + " of the model archive " + file
                    + " names model.serializedFile '" + serializedFile.asString() + "', which the archive does not hold");
        }
        return entry;
    }

    /** The name of the TorchScript file inside the archive. */
    public String serializedFile() {
        return serialized.getName();
    }

    /** How sentences name the TorchScript file: {@code archive.mar!/model.pt}. */
    public String describeSerializedFile() {
        return file + "!/" + serialized.getName();
    }

    /** Our manifest, when the archive carries one beside the TorchScript file. */
    public Optional<ModelManifest> embeddedManifest() {
        ZipEntry entry = zip.getEntry(ModelManifest.FILE_NAME);
        if (entry == null) {
            return Optional.empty();
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return Optional.of(JSON.readValue(in, ModelManifest.class));
        } catch (IOException | JacksonException e) {
            throw new InvalidModelException("the " + ModelManifest.FILE_NAME + " inside the model archive " + file
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses the archive when the manifest inside it describes another model than {@code beside}, the
     * manifest the repository read: a different feature set, fingerprint or inputs.
     */
    public void requireAgreesWith(ModelManifest beside) {
        embeddedManifest().ifPresent(inside -> {
            if (!inside.featureSet().equals(beside.featureSet()) || !inside.inputs().equals(beside.inputs())) {
                throw new InvalidModelException("the " + ModelManifest.FILE_NAME + " inside the model archive " + file
                        + " describes feature set " + inside.featureSet() + " with inputs " + inside.inputs()
                        + ", but the manifest beside it describes " + beside.featureSet() + " with inputs "
                        + beside.inputs());
            }
        });
    }

    /** Copies the TorchScript file to {@code target} (a fixed name chosen by the caller, never the entry's path). */
    public void extractSerializedFile(Path target) {
        try (InputStream in = zip.getInputStream(serialized)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new InvalidModelException("cannot extract " + describeSerializedFile() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // nothing was written; a failed close of a read-only zip loses nothing
        }
    }
}
