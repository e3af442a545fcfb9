package dev.fraudscore.postprocess.domain;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * One YAML mapping of a policy, read field by field. Each wrong field adds a sentence to a shared list
 * instead of throwing, so one load reports every problem in the file at once.
 */
final class YamlSection {

    private final String where;
    private final Map<?, ?> values;
    private final List<String> problems;

    YamlSection(String where, Map<?, ?> values, List<String> problems) {
        this.where = where;
        this.values = values;
        this.problems = problems;
    }

    String where() {
        return where;
    }

    /** {@code where} names the section in sentences, e.g. "rules[2] (HIGH_VELOCITY)"; empty for the top. */
    YamlSection renamed(String newWhere) {
        return new YamlSection(newWhere, values, problems);
    }

    void problem(String sentence) {
        problems.add(where.isEmpty() ? sentence : where + ": " + sentence);
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    void refuseUnknownKeys(List<String> known) {
        for (Object key : values.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                problem("unknown key '" + key + "'; the known keys here are " + String.join(", ", known) + ".");
            }
        }
    }

    /** A text field; numbers are accepted as their text so {@code version: 3} works. */
    String text(String key, boolean required) {
        Object v = values.get(key);
        if (v == null) {
            if (required) {
                problem(key + " is missing.");
            }
            return null;
        }
        if (!(v instanceof String || v instanceof Number)) {
            problem(key + " must be a text (write it in quotes), but was " + describe(v) + ".");
            return null;
        }
        String s = String.valueOf(v).trim();
        if (s.isEmpty() && required) {
            problem(key + " is empty.");
            return null;
        }
        return s;
    }

    Float number(String key) {
        Object v = values.get(key);
        if (v == null) {
            problem(key + " is missing.");
            return null;
        }
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            problem(key + " must be a number, but was " + describe(v) + ".");
            return null;
        }
        return n.floatValue();
    }

    /** A number that must lie in [0, 1]. */
    Float unitInterval(String key) {
        Float f = number(key);
        if (f != null && (f < 0f || f > 1f)) {
            problem(key + " " + f + " is outside [0, 1].");
            return null;
        }
        return f;
    }

    YamlSection section(String key, boolean required) {
        Object v = values.get(key);
        if (v == null) {
            if (required) {
                problem(key + " is missing.");
            }
            return null;
        }
        if (!(v instanceof Map<?, ?> m)) {
            problem(key + " must be a mapping of keys to values, but was " + describe(v) + ".");
            return null;
        }
        return new YamlSection(child(key), m, problems);
    }

    /** The mappings of a list field; an absent list is empty. */
    List<YamlSection> sections(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            problem(key + " must be a list, but was " + describe(v) + ".");
            return List.of();
        }
        List<YamlSection> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String itemWhere = child(key) + "[" + i + "]";
            if (list.get(i) instanceof Map<?, ?> m) {
                result.add(new YamlSection(itemWhere, m, problems));
            } else {
                problems.add(itemWhere + ": must be a mapping of keys to values, but was " + describe(list.get(i)) + ".");
            }
        }
        return result;
    }

    private String child(String key) {
        return where.isEmpty() ? key : where.replaceAll(" \\(.*\\)$", "") + "." + key;
    }

    static String describe(Object v) {
        if (v instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        if (v instanceof Date) {
            return "a date (YAML reads an unquoted 2026-11-22 as a date)";
        }
        return "'" + v + "'";
    }
}
