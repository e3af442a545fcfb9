package dev.fraudscore.businessapi.web;

/** The body is over the configured limit (413). */
final class PayloadTooLargeException extends RuntimeException {

    PayloadTooLargeException(String sentence) {
        super(sentence);
    }
}
