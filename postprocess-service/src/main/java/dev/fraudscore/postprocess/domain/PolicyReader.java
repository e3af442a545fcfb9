package dev.fraudscore.postprocess.domain;

import dev.fraudscore.domain.Decision;
import dev.fraudscore.domain.ReasonCode;
import dev.fraudscore.domain.Thresholds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and validates a policy written in YAML. Every problem in the file is reported at once, each as a
 * sentence naming the place (e.g. {@code rules[2] (HIGH_VELOCITY)}) and what is wrong with it. Unknown keys
 * are refused, so a misspelt key cannot silently fall back to a default.
 */
public final class PolicyReader {

    private static final List<String> TOP_KEYS = List.of("version", "failMode", "thresholds", "rules");
    private static final List<String> THRESHOLDS_KEYS = List.of("default", "models");
    private static final List<String> BAND_KEYS = List.of("review", "decline");
    private static final List<String> MODEL_KEYS = List.of("model", "version", "review", "decline");
    private static final List<String> RULE_KEYS = List.of("code", "feature", "operator", "value", "text", "weight");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    static final Decision DEFAULT_FAIL_MODE = Decision.REVIEW;

    /**
     * @param yaml   the policy text
     * @param source where it came from, for the error sentences (e.g. the file path)
     * @throws InvalidPolicyException with every problem found
     */
    public Policy read(String yaml, String source) {
        Map<?, ?> root = parse(yaml, source);
        List<String> problems = new ArrayList<>();
        YamlSection top = new YamlSection("", root, problems);
        top.refuseUnknownKeys(TOP_KEYS);
        String version = version(top);
        Decision failMode = failMode(top);
        Thresholds defaults = null;
        List<ThresholdOverride> overrides = List.of();
        YamlSection thresholds = top.section("thresholds", true);
        if (thresholds != null) {
            thresholds.refuseUnknownKeys(THRESHOLDS_KEYS);
            YamlSection band = thresholds.section("default", true);
            defaults = band == null ? null : thresholds(band, BAND_KEYS);
            overrides = overrides(thresholds);
        }
        List<Rule> rules = rules(top);
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(source, problems);
        }
        return new Policy(version, failMode, defaults, overrides, rules);
    }

    private static Map<?, ?> parse(String yaml, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object root;
        try {
            root = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (MarkedYAMLException e) {
            String at = e.getProblemMark() == null ? ""
                    : " (line " + (e.getProblemMark().getLine() + 1) + ", column " + (e.getProblemMark().getColumn() + 1) + ")";
            String hint = e.getProblem() != null && e.getProblem().contains("chomping")
                    ? " Operators such as \">=\" must be written in quotes." : "";
            throw new InvalidPolicyException(source, List.of("it is not valid YAML: " + e.getProblem() + at + "." + hint));
        } catch (YAMLException e) {
            throw new InvalidPolicyException(source, List.of("it is not valid YAML: " + e.getMessage() + "."));
        }
        if (root == null) {
            throw new InvalidPolicyException(source, List.of("it is empty."));
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new InvalidPolicyException(source,
                    List.of("its top level must be a mapping with the keys " + String.join(", ", TOP_KEYS) + "."));
        }
        return map;
    }

    private static String version(YamlSection top) {
        if (!top.has("version")) {
            top.problem("version is missing; every policy needs one, e.g. \"2026-11-22.1\", so that each answer "
                    + "can say which policy decided it.");
            return null;
        }
        return top.text("version", true);
    }

    private static Decision failMode(YamlSection top) {
        String text = top.text("failMode", false);
        if (text == null) {
            return DEFAULT_FAIL_MODE;
        }
        try {
            return Decision.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            top.problem("failMode '" + text + "' is not one of APPROVE, REVIEW, DECLINE.");
            return null;
        }
    }

    private static Thresholds thresholds(YamlSection band, List<String> knownKeys) {
        band.refuseUnknownKeys(knownKeys);
        Float review = band.unitInterval("review");
        Float decline = band.unitInterval("decline");
        if (review == null || decline == null) {
            return null;
        }
        if (review >= decline) {
            band.problem("review " + review + " must be lower than decline " + decline + ".");
            return null;
        }
        return new Thresholds(review, decline);
    }

    private static List<ThresholdOverride> overrides(YamlSection thresholds) {
        List<ThresholdOverride> overrides = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YamlSection entry : thresholds.sections("models")) {
            String model = entry.text("model", true);
            String version = entry.text("version", false);
            if (model == null) {
                thresholds(entry, MODEL_KEYS);
                continue;
            }
            String versionOrEmpty = version == null ? "" : version;
            String name = versionOrEmpty.isEmpty() ? model : model + " version " + versionOrEmpty;
            YamlSection described = entry.renamed(entry.where() + " (" + name + ")");
            Thresholds band = thresholds(described, MODEL_KEYS);
            if (!seen.add(model + "\u0000" + versionOrEmpty)) {
                described.problem("repeats an earlier entry for the same model and version; keep one.");
            } else if (band != null) {
                overrides.add(new ThresholdOverride(model, version, band));
            }
        }
        return overrides;
    }

    private static List<Rule> rules(YamlSection top) {
        List<Rule> rules = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (YamlSection entry : top.sections("rules")) {
            String code = entry.text("code", true);
            YamlSection rule = code == null ? entry : entry.renamed(entry.where() + " (" + code + ")");
            rule.refuseUnknownKeys(RULE_KEYS);
            boolean codeOk = code != null && validCode(rule, code, codes);
            String feature = rule.text("feature", true);
            Operator operator = operator(rule);
            Float value = rule.number("value");
            ReasonTemplate text = text(rule);
            Float weight = rule.unitInterval("weight");
            if (codeOk && feature != null && operator != null && value != null && text != null && weight != null) {
                rules.add(new Rule(code, feature, operator, value, text, weight));
            }
        }
        return rules;
    }

    private static boolean validCode(YamlSection rule, String code, Set<String> codes) {
        if (!CODE.matcher(code).matches()) {
            rule.problem("code '" + code + "' must be upper-case letters, digits and underscores, e.g. HIGH_VELOCITY.");
            return false;
        }
        if (ReasonCode.isReserved(code)) {
            rule.problem("code " + code + " is reserved for the reasons the service writes itself ("
                    + Arrays.stream(ReasonCode.values()).map(Enum::name).collect(Collectors.joining(", ")) + ").");
            return false;
        }
        if (!codes.add(code)) {
            rule.problem("code " + code + " is already used by an earlier rule; reason codes must be unique.");
            return false;
        }
        return true;
    }

    private static Operator operator(YamlSection rule) {
        String symbol = rule.text("operator", true);
        if (symbol == null) {
            return null;
        }
        return Operator.ofSymbol(symbol).orElseGet(() -> {
            rule.problem("operator '" + symbol + "' is not one of " + Operator.symbols() + ".");
            return null;
        });
    }

    private static ReasonTemplate text(YamlSection rule) {
        String text = rule.text("text", true);
        if (text == null) {
            return null;
        }
        List<String> unknown = ReasonTemplate.unknownPlaceholders(text);
        if (!unknown.isEmpty()) {
            rule.problem("text uses " + String.join(", ", unknown) + ", but only {value} (the feature value) and "
                    + "{threshold} (the rule's value) can be filled in.");
            return null;
        }
        return ReasonTemplate.of(text);
    }
}
