package dev.fraudscore.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What turns a network's output into a fraud probability, as the manifest's {@code outputTransform} names it. */
public enum OutputTransform {

    /** The network outputs a logit; the probability is its sigmoid. */
    SIGMOID("sigmoid"),
    /** The network outputs the probability itself. */
    NONE("none");

    private final String manifestName;

    OutputTransform(String manifestName) {
        this.manifestName = manifestName;
    }

    public String manifestName() {
        return manifestName;
    }

    NDArray apply(NDArray output) {
        return this == SIGMOID ? Activation.sigmoid(output) : output;
    }

    static OutputTransform of(String name, String ref) {
        return Arrays.stream(values()).filter(t -> t.manifestName.equals(name)).findFirst().orElseThrow(
                () -> new InvalidModelException("the manifest of " + ref
                        + (name == null ? " does not say" : " says outputTransform '" + name + "', not")
                        + " whether the module outputs a logit or a probability: give outputTransform "
                        + Arrays.stream(values()).map(t -> "'" + t.manifestName + "'").collect(Collectors.joining(" or "))));
    }
}
