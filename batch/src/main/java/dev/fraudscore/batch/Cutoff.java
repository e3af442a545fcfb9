package dev.fraudscore.batch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The instant a backfilled state stands at: an RFC 3339 time, or a date meaning its start (UTC); and spans as
 * feature-service's configuration writes them.
 */
final class Cutoff {

    private Cutoff() {
    }

    static Instant parse(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException e) {
            throw new BackfillException("--cutoff: '" + text + "' is neither an RFC 3339 time like"
                    + " 2018-08-01T00:00:00Z nor a date like 2018-08-01", e);
        }
    }

    /** {@code 90m}, {@code 24h}, {@code 2d} (Spring's simple form) or ISO-8601 ({@code PT24H}). */
    static Duration duration(String option, String text) {
        try {
            if (text.matches("\\d+[smhd]")) {
                long n = Long.parseLong(text.substring(0, text.length() - 1));
                return switch (text.charAt(text.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new BackfillException(option + ": '" + text + "' is not a duration like 24h or PT24H", e);
        }
    }
}
