package dev.fraudscore.postprocess.domain;

import dev.fraudscore.domain.ReasonNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's reason text with placeholders: {@code {value}} is the feature value of the transaction,
 * {@code {threshold}} the rule's own value. Anything else in braces is refused when the policy loads,
 * so a typo never reaches a customer-facing text.
 */
public final class ReasonTemplate {

    static final Set<String> PLACEHOLDERS = Set.of("value", "threshold");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private final String text;

    private ReasonTemplate(String text) {
        this.text = text;
    }

    /** Placeholders in {@code text} that cannot be filled in, in order of appearance; empty when all is well. */
    public static List<String> unknownPlaceholders(String text) {
        List<String> unknown = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                unknown.add(m.group());
            }
        }
        return unknown;
    }

    public static ReasonTemplate of(String text) {
        if (!unknownPlaceholders(text).isEmpty()) {
            throw new IllegalArgumentException("unknown placeholders " + unknownPlaceholders(text) + " in: " + text);
        }
        return new ReasonTemplate(text);
    }

    public String render(float value, float threshold) {
        return text.replace("{value}", ReasonNumbers.plain(value)).replace("{threshold}", ReasonNumbers.plain(threshold));
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
