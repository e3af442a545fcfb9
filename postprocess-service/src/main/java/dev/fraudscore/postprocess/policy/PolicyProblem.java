package dev.fraudscore.postprocess.policy;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.Comparator;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * One thing wrong in a policy file: where (a pointer into the file) and what, phrased to follow the place,
 * e.g. {@code /rules/2/weight} and "must lie in [0, 1], but was 2.0.".
 */
record PolicyProblem(JsonPointer at, String message) {

    static PolicyProblem of(ConstraintViolation<?> violation) {
        JsonPointer at = JsonPointer.empty();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getIndex() != null) {
                at = at.appendIndex(node.getIndex());
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                at = at.appendProperty(node.getName());
            }
        }
        return new PolicyProblem(at, violation.getMessage());
    }

    /** The sentence for people, e.g. "rules[2] (HIGH_VELOCITY).weight must lie in [0, 1], but was 2.0.". */
    String sentence(JsonNode file) {
        StringBuilder where = new StringBuilder();
        JsonNode node = file;
        for (JsonPointer p = at; !p.matches(); p = p.tail()) {
            if (node.isArray()) {
                node = node.path(p.getMatchingIndex());
                where.append('[').append(p.getMatchingIndex()).append(']').append(label(node));
            } else {
                node = node.path(p.getMatchingProperty());
                where.append(where.isEmpty() ? "" : ".").append(p.getMatchingProperty());
            }
        }
        return where + " " + message;
    }

    /** " (HIGH_VELOCITY)" for a rule, " (fraud-mlp version 3)" for a model's thresholds, else nothing. */
    private static String label(JsonNode entry) {
        String name = scalar(entry.path("code"), scalar(entry.path("model"), ""));
        String version = entry.has("model") ? scalar(entry.path("version"), "") : "";
        if (name.isBlank()) {
            return "";
        }
        return " (" + name + (version.isBlank() ? "" : " version " + version) + ")";
    }

    private static String scalar(JsonNode node, String otherwise) {
        return node.isValueNode() ? node.asString() : otherwise;
    }

    /** Problems in the order their places appear in the file; keys the file lacks come after its own. */
    static Comparator<PolicyProblem> inFileOrder(JsonNode file) {
        return (a, b) -> compare(a.at, b.at, file);
    }

    private static int compare(JsonPointer a, JsonPointer b, JsonNode node) {
        if (a.matches() || b.matches()) {
            return Boolean.compare(!a.matches(), !b.matches());
        }
        int order = Integer.compare(position(a, node), position(b, node));
        if (order == 0) {
            order = a.getMatchingProperty().compareTo(b.getMatchingProperty());
        }
        if (order != 0) {
            return order;
        }
        JsonNode child = node.isArray() ? node.path(a.getMatchingIndex()) : node.path(a.getMatchingProperty());
        return compare(a.tail(), b.tail(), child);
    }

    private static int position(JsonPointer p, JsonNode node) {
        int index = node.isArray() ? p.getMatchingIndex() : new ArrayList<>(node.propertyNames()).indexOf(p.getMatchingProperty());
        return index < 0 ? Integer.MAX_VALUE : index;
    }
}
