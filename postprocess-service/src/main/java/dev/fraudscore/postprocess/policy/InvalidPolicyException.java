package dev.fraudscore.postprocess.policy;

import java.util.List;

/** A policy that cannot be used, with every problem found in it, each as a sentence. */
public class InvalidPolicyException extends RuntimeException {

    private final String source;
    private final List<String> problems;

    public InvalidPolicyException(String source, List<String> problems) {
        super("The policy " + source + " is invalid: " + String.join(" ", problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<String> problems() {
        return problems;
    }
}
