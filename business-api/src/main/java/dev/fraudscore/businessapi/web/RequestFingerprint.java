package dev.fraudscore.businessapi.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.fraudscore.businessapi.domain.TransactionRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * SHA-256 of the canonical form of a parsed request: re-serialised with properties sorted by name and
 * absent values left out, so whitespace, field order and unknown fields do not change it. The idempotency
 * store compares it to tell "the same transaction again" from "an id reused for another one".
 */
public final class RequestFingerprint {

    // A private mapper: the application's JSON settings must not change the hash of a stored claim.
    // Sorting by name (creator properties included) keeps the hash stable if the record's components move.
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private RequestFingerprint() {
    }

    /** The canonical JSON text (exposed for tests and debugging). */
    public static String canonicalForm(TransactionRequest request) {
        return CANONICAL.writeValueAsString(request);
    }

    /** Lower-case hex SHA-256 of {@link #canonicalForm}. */
    public static String of(TransactionRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonicalForm(request).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
