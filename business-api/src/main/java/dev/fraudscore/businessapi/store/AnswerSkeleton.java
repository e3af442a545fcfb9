package dev.fraudscore.businessapi.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer's JSON cut in two: the skeleton, the text with the transaction id and the numbers of the score and
 * the reasons cut out, and those numbers, the holes, in order. Answers of one model, policy and set of reasons
 * share a skeleton, so the store keeps each skeleton once and per transaction only its holes. The cut is made in
 * the text, not in a parse of it, so joining gives back the very same characters whatever wrote the JSON.
 *
 * @param text  the skeleton: {@link #NUMBER} where a hole was, {@link #TRANSACTION_ID} where the id was
 * @param holes the numbers cut out, as written (digits and at most one point)
 */
record AnswerSkeleton(String text, List<String> holes) {

    // control characters never appear raw in JSON text (strings escape them), so they can mark the cuts
    static final char NUMBER = '\u0001';
    static final char TRANSACTION_ID = '\u0002';

    private static final Pattern NUMBERS = Pattern.compile("\\d+(?:\\.\\d+)?");
    /** The members after the reasons: their numbers (model and policy versions) are the same for every answer. */
    private static final List<String> STABLE_TAIL =
            List.of(",\"model\":", ",\"featureSet\":", ",\"policyVersion\":", ",\"degraded\":");

    AnswerSkeleton {
        holes = List.copyOf(holes);
        if (holes.size() != holesIn(text)) {
            throw new IllegalArgumentException("The skeleton has " + holesIn(text) + " holes but " + holes.size()
                    + " numbers were given.");
        }
    }

    /** The skeleton of this answer, or none when the text does not carry the id or already holds a mark. */
    static Optional<AnswerSkeleton> split(String json, String transactionId) {
        String quotedId = '"' + transactionId + '"';
        int id = json.indexOf(quotedId);
        if (id < 0 || json.indexOf(NUMBER) >= 0 || json.indexOf(TRANSACTION_ID) >= 0) {
            return Optional.empty();
        }
        String withoutId = json.substring(0, id + 1) + TRANSACTION_ID + json.substring(id + quotedId.length() - 1);
        StringBuilder text = new StringBuilder(withoutId.length());
        List<String> holes = new ArrayList<>();
        Matcher number = NUMBERS.matcher(withoutId).region(0, stableTail(withoutId));
        int copied = 0;
        while (number.find()) {
            text.append(withoutId, copied, number.start()).append(NUMBER);
            holes.add(number.group());
            copied = number.end();
        }
        text.append(withoutId, copied, withoutId.length());
        return Optional.of(new AnswerSkeleton(text.toString(), holes));
    }

    /** How many holes a skeleton text has. */
    static int holesIn(String text) {
        return (int) text.chars().filter(c -> c == NUMBER).count();
    }

    /** The answer again, character for character. */
    String join(String transactionId) {
        StringBuilder json = new StringBuilder(text.length() + transactionId.length() + 16 * holes.size());
        int hole = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == NUMBER) {
                json.append(holes.get(hole++));
            } else if (c == TRANSACTION_ID) {
                json.append(transactionId);
            } else {
                json.append(c);
            }
        }
        return json.toString();
    }

    private static int stableTail(String json) {
        int tail = json.length();
        for (String member : STABLE_TAIL) {
            int at = json.indexOf(member);
            if (at >= 0) {
                tail = Math.min(tail, at);
            }
        }
        return tail;
    }
}
