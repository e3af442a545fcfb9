package dev.fraudscore.businessapi.web;

/** The body is not a JSON object at all (400, no field to name). */
final class MalformedBodyException extends RuntimeException {

    MalformedBodyException(String sentence) {
        super(sentence);
    }
}
