package dev.fraudscore.businessapi.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Rules shared by several fields of a transaction. */
final class FieldRules {

    // XK (Kosovo) is user-assigned in ISO 3166 but used by card networks, so the JDK list lacks it
    private static final Set<String> COUNTRIES = withKosovo(Locale.getISOCountries());

    private FieldRules() {
    }

    static boolean isCountry(String code) {
        return COUNTRIES.contains(code);
    }

    /**
     * Parses an RFC 3339 timestamp; the offset is required because a local time is ambiguous.
     *
     * @return the instant, or {@code null} after adding the field's error
     */
    static Instant instant(String field, String value, Map<String, String> errors) {
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            errors.put(field, "must be an RFC 3339 timestamp with a time zone offset, e.g. 2026-11-22T10:15:30Z");
            return null;
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
        Set<String> set = new HashSet<>(List.of(codes));
        set.add("XK");
        return Set.copyOf(set);
    }
}
