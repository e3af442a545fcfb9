package dev.fraudscore.domain;

/**
 * One bad field of a request.
 *
 * @param field   the field's path, e.g. {@code amount.currency} or {@code transaction.card_key}
 * @param message what is wrong, phrased to follow the field name, e.g. "must be an ISO 4217 code ..."
 */
public record FieldViolation(String field, String message) {
}
