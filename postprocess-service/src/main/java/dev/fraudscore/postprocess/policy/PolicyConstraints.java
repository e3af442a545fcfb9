package dev.fraudscore.postprocess.policy;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.fraudscore.domain.ReasonCode;
import dev.fraudscore.postprocess.domain.ReasonTemplate;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** The rules of a policy file beyond the standard constraints; each message follows the path it speaks of. */
final class PolicyConstraints {

    private PolicyConstraints() {
    }

    /** A threshold or weight: a number in [0, 1]; null passes (pair it with NotNull). */
    @DecimalMin("0")
    @DecimalMax("1")
    @ReportAsSingleViolation
    @Constraint(validatedBy = {})
    @Target({FIELD, METHOD, PARAMETER})
    @Retention(RUNTIME)
    @interface Probability {

        String message() default "must lie in [0, 1], but was ${validatedValue}.";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Review must start below decline, or the review band would be empty. */
    @Constraint(validatedBy = ReviewBelowDecline.Validator.class)
    @Target(TYPE)
    @Retention(RUNTIME)
    @interface ReviewBelowDecline {

        String message() default "must have review below decline, but review is {review} and decline {decline}.";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<ReviewBelowDecline, PolicyFile.Bands> {

            @Override
            public boolean isValid(PolicyFile.Bands bands, ConstraintValidatorContext context) {
                if (bands.review() == null || bands.decline() == null || bands.review() < bands.decline()) {
                    return true;
                }
                context.unwrap(HibernateConstraintValidatorContext.class)
                        .addMessageParameter("review", bands.review()).addMessageParameter("decline", bands.decline());
                return false;
            }
        }
    }

    /** No two entries of a list share a key; each later repeat is reported at its own index. */
    @Constraint(validatedBy = Unique.Validator.class)
    @Target({FIELD, METHOD, PARAMETER})
    @Retention(RUNTIME)
    @interface Unique {

        String message();

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        /** An entry with a key; a null key (the entry misses it) is reported elsewhere and not compared. */
        interface Keyed {
            Object uniqueKey();
        }

        class Validator implements ConstraintValidator<Unique, List<? extends Keyed>> {

            @Override
            public boolean isValid(List<? extends Keyed> entries, ConstraintValidatorContext context) {
                if (entries == null) {
                    return true;
                }
                Set<Object> seen = new HashSet<>();
                boolean valid = true;
                context.disableDefaultConstraintViolation();
                for (int i = 0; i < entries.size(); i++) {
                    Object key = entries.get(i) == null ? null : entries.get(i).uniqueKey();
                    if (key != null && !seen.add(key)) {
                        valid = false;
                        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                                .addBeanNode().inIterable().atIndex(i).addConstraintViolation();
                    }
                }
                return valid;
            }
        }
    }

    /** A rule's code may not be one the service writes itself ({@link ReasonCode}). */
    @Constraint(validatedBy = NotReserved.Validator.class)
    @Target({FIELD, METHOD, PARAMETER})
    @Retention(RUNTIME)
    @interface NotReserved {

        String message() default "is reserved for the reasons the service writes itself ({reserved}).";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<NotReserved, String> {

            private static final String RESERVED =
                    Arrays.stream(ReasonCode.values()).map(Enum::name).collect(Collectors.joining(", "));

            @Override
            public boolean isValid(String code, ConstraintValidatorContext context) {
                if (code == null || !ReasonCode.isReserved(code)) {
                    return true;
                }
                context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("reserved", RESERVED);
                return false;
            }
        }
    }

    /** A reason text uses only the placeholders {@link ReasonTemplate} fills in, so no typo reaches a customer. */
    @Constraint(validatedBy = KnownPlaceholders.Validator.class)
    @Target({FIELD, METHOD, PARAMETER})
    @Retention(RUNTIME)
    @interface KnownPlaceholders {

        String message() default "uses {unknown}, but only \\{value\\} (the feature value) and \\{threshold\\} "
                + "(the rule's value) can be filled in.";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<KnownPlaceholders, String> {

            @Override
            public boolean isValid(String text, ConstraintValidatorContext context) {
                List<String> unknown = text == null ? List.of() : ReasonTemplate.unknownPlaceholders(text);
                if (unknown.isEmpty()) {
                    return true;
                }
                context.unwrap(HibernateConstraintValidatorContext.class)
                        .addMessageParameter("unknown", String.join(", ", unknown));
                return false;
            }
        }
    }
}
