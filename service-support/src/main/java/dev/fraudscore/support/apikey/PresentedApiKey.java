package dev.fraudscore.support.apikey;

import java.util.Locale;
import java.util.Optional;

/** Where a caller may put its API key: {@code X-API-Key}, or {@code Authorization: Bearer <key>}. */
public final class PresentedApiKey {

    public static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "bearer ";

    private PresentedApiKey() {
    }

    /**
     * The key the caller sent, or empty when it sent none. {@code X-API-Key} wins when both are present,
     * since it is the documented header; an Authorization header of another scheme is no key.
     */
    public static Optional<String> from(String apiKeyHeader, String authorizationHeader) {
        if (apiKeyHeader != null && !apiKeyHeader.isBlank()) {
            return Optional.of(apiKeyHeader.strip());
        }
        if (authorizationHeader != null
                && authorizationHeader.length() > BEARER.length()
                && authorizationHeader.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            String token = authorizationHeader.substring(BEARER.length()).strip();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        }
        return Optional.empty();
    }
}
