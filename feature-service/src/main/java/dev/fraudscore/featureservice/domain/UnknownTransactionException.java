package dev.fraudscore.featureservice.domain;

import dev.fraudscore.domain.DomainException;
import java.time.Duration;
import java.util.List;

/** A label for a transaction no served set holds a record of: never scored, or longer ago than the horizon. */
public final class UnknownTransactionException extends DomainException {

    private UnknownTransactionException(String sentence) {
        super(Kind.NOT_FOUND, sentence);
    }

    /** @param horizon how long a scored transaction can still be labelled (the longest of the sets') */
    public static UnknownTransactionException notScoredWithin(String transactionId, Duration horizon) {
        return new UnknownTransactionException("no transaction " + transactionId + " was scored in the last "
                + days(horizon) + ", the horizon of late labels, so there is nothing to label");
    }

    public static UnknownTransactionException noSetCountsLabels(String transactionId, List<String> servedIds) {
        return new UnknownTransactionException("transaction " + transactionId + " cannot be labelled here: no served"
                + " feature set counts labels (served: " + String.join(", ", servedIds) + ")");
    }

    private static String days(Duration horizon) {
        long days = horizon.toDays();
        if (days >= 1 && horizon.equals(Duration.ofDays(days))) {
            return days == 1 ? "day" : days + " days";
        }
        long hours = Math.max(1, horizon.toHours());
        return hours == 1 ? "hour" : hours + " hours";
    }
}
