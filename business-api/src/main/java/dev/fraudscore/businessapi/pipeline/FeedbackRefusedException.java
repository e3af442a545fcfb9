package dev.fraudscore.businessapi.pipeline;

import dev.fraudscore.domain.DomainException;

/**
 * The label store refused a valid label: NOT_FOUND (no such transaction within the label horizon) or MISMATCH
 * (it already carries the other label). The sentence is the store's, made a sentence for the caller.
 */
public final class FeedbackRefusedException extends DomainException {

    FeedbackRefusedException(Kind kind, String storeSentence) {
        super(kind, sentence(storeSentence));
    }

    private static String sentence(String text) {
        if (text == null || text.isBlank()) {
            return "The label was not recorded.";
        }
        String capitalised = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return capitalised.endsWith(".") ? capitalised : capitalised + ".";
    }
}
