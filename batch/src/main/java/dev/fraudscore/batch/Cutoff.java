package dev.fraudscore.batch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The instant a backfilled state stands at: an RFC 3339 time, or a date meaning its start (UTC). */
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
}
