package dev.fraudscore.postprocess.policy;

import dev.fraudscore.postprocess.domain.Policy;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.HibernateValidator;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a policy written in YAML: Jackson binds it into {@link PolicyFile}, Bean Validation checks it. Every
 * problem in the file is reported at once, each naming its place (e.g. {@code rules[2] (HIGH_VELOCITY).weight})
 * and what is wrong. Unknown keys are refused, so a misspelt key cannot silently fall back to a default.
 */
public final class PolicyReader {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(EnumFeature.READ_ENUMS_USING_TO_STRING, EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();
    private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class).configure()
            .propertyNodeNameProvider(new YamlNames()).buildValidatorFactory().getValidator();

    /**
     * @param yaml   the policy text
     * @param source where it came from, for the error sentences (e.g. the file path)
     * @throws InvalidPolicyException with every problem found
     */
    public Policy read(String yaml, String source) {
        JsonNode tree = parse(yaml, source);
        BindingProblems binding = new BindingProblems();
        PolicyFile file;
        try {
            file = MAPPER.readerFor(PolicyFile.class).withHandler(binding).readValue(tree);
        } catch (JacksonException e) {
            throw new InvalidPolicyException(source, List.of("it could not be read: " + e.getOriginalMessage() + "."));
        }
        List<PolicyProblem> problems = new ArrayList<>(binding.problems());
        Set<JsonPointer> bound = problems.stream().map(PolicyProblem::at).collect(Collectors.toSet());
        VALIDATOR.validate(file).stream().map(PolicyProblem::of)
                .filter(p -> !bound.contains(p.at())) // a value Jackson refused is not also "missing"
                .forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(source, problems.stream().sorted(PolicyProblem.inFileOrder(tree))
                    .map(p -> p.sentence(tree)).toList());
        }
        return file.toPolicy();
    }

    private static JsonNode parse(String yaml, String source) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(yaml);
        } catch (JacksonException e) {
            throw new InvalidPolicyException(source, List.of("it is not valid YAML: " + syntaxProblem(e)));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new InvalidPolicyException(source, List.of("it is empty."));
        }
        if (!tree.isObject()) {
            throw new InvalidPolicyException(source, List.of("its top level must be a mapping of keys to values, "
                    + "with the keys version, failMode, thresholds and rules."));
        }
        return tree;
    }

    private static String syntaxProblem(JacksonException e) {
        // snakeyaml-engine, under Jackson's YAML parser, marks where the problem is; Jackson's own location
        // is where its parser stood
        if (e.getCause() instanceof MarkedYamlEngineException yaml && yaml.getProblemMark().isPresent()) {
            Mark mark = yaml.getProblemMark().get();
            String hint = yaml.getProblem().contains("chomping")
                    ? " Operators such as \">=\" must be written in quotes." : "";
            return yaml.getProblem() + " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")."
                    + hint;
        }
        TokenStreamLocation at = e.getLocation();
        return e.getOriginalMessage()
                + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ".";
    }
}
