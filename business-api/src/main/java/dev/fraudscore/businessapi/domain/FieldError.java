package dev.fraudscore.businessapi.domain;

/**
 * One bad field of a request.
 *
 * @param field   JSON path of the field, e.g. {@code amount.currency}
 * @param message what is wrong, phrased to follow the field name, e.g. "must be an ISO 4217 code ..."
 */
public record FieldError(String field, String message) {
}
