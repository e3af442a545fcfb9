package dev.fraudscore.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a model version's {@code weights} file is stored, as its manifest's {@code format} names it. */
public enum ModelFormat {

    /** DJL {@code .params} of the MLP that {@link ModelManifest.Architecture} describes (the trainer's). */
    DJL_MLP("djl-mlp"),
    /** A TorchScript module saved by {@code torch.jit.save}: the file holds the architecture. */
    TORCHSCRIPT("torchscript"),
    /** A TorchServe model archive ({@code .mar}) whose {@code MAR-INF/MANIFEST.json} names a TorchScript file inside. */
    TORCHSERVE_MAR("torchserve-mar");

    private final String manifestName;

    ModelFormat(String manifestName) {
        this.manifestName = manifestName;
    }

    /** The name the manifest uses. */
    public String manifestName() {
        return manifestName;
    }

    /** The format a manifest names; {@code null} is {@link #DJL_MLP}, so older manifests keep loading. */
    static ModelFormat of(String name, String ref) {
        if (name == null) {
            return DJL_MLP;
        }
        return Arrays.stream(values()).filter(f -> f.manifestName.equals(name)).findFirst().orElseThrow(
                () -> new InvalidModelException("the manifest of " + ref + " has format '" + name + "'; this build knows "
                        + Arrays.stream(values()).map(ModelFormat::manifestName).collect(Collectors.joining(", "))));
    }
}
