package dev.fraudscore.businessapi.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Rules shared by several fields of a transaction; each adds a {@link FieldError} when broken. */
final class FieldRules {

    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");
    // XK (Kosovo) is user-assigned in ISO 3166 but used by card networks, so the JDK list lacks it
    private static final Set<String> COUNTRIES = withKosovo(Locale.getISOCountries());

    private FieldRules() {
    }

    /** @return whether the value is present; adds "is required" when it is not */
    static boolean required(String field, String value, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
            return false;
        }
        return true;
    }

    /** @return whether the value is a present, non-blank id of at most {@code maxLength} characters */
    static boolean id(String field, String value, int maxLength, List<FieldError> errors) {
        if (!required(field, value, errors)) {
            return false;
        }
        if (value.isBlank() || value.length() > maxLength) {
            errors.add(new FieldError(field, "must be 1 to " + maxLength + " characters, not blank"));
            return false;
        }
        return true;
    }

    static void country(String field, String value, List<FieldError> errors) {
        if (required(field, value, errors) && !(COUNTRY_CODE.matcher(value).matches() && COUNTRIES.contains(value))) {
            errors.add(new FieldError(field, "must be an ISO 3166-1 alpha-2 country code of two capital letters, e.g. FR"));
        }
    }

    /** Parses an RFC 3339 timestamp; the offset is required because a local time is ambiguous. */
    static Instant instant(String field, String value, List<FieldError> errors) {
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field,
                    "must be an RFC 3339 timestamp with a time zone offset, e.g. 2026-11-22T10:15:30Z"));
            return null;
        }
    }

    static void coordinate(String field, Double value, int limit, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required when location is present"));
        } else if (value.isNaN() || value < -limit || value > limit) {
            errors.add(new FieldError(field, "must be a number between -" + limit + " and " + limit));
        }
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /** "5 minutes", "90 seconds": for messages. */
    static String describe(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds > 0 && seconds % 60 == 0) {
            long minutes = seconds / 60;
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        return seconds + (seconds == 1 ? " second" : " seconds");
    }

    private static Set<String> withKosovo(String[] codes) {
        java.util.HashSet<String> set = new java.util.HashSet<>(List.of(codes));
        set.add("XK");
        return Set.copyOf(set);
    }
}
