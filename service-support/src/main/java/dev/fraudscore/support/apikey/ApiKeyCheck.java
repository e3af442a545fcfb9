package dev.fraudscore.support.apikey;

import java.util.Optional;

/**
 * Who is calling, from the API key a request presents ({@code X-API-Key}, or {@code Authorization: Bearer}):
 * the caller's configured name, or a refusal with a sentence. The gateway and the embedded deployment both
 * answer with it, so a caller meets the same rule and words in either.
 */
public final class ApiKeyCheck {

    /** Where the caller's name goes on to business-api; the key itself never does. */
    public static final String CALLER_HEADER = "X-Caller";
    /** The {@code WWW-Authenticate} value of a 401. */
    public static final String CHALLENGE = "Bearer realm=\"fraudscore\"";

    private final ApiKeyRegistry registry;

    public ApiKeyCheck(ApiKeyRegistry registry) {
        this.registry = registry;
    }

    /** The caller, or why there is none. */
    public sealed interface Outcome permits Known, Refused {
    }

    public record Known(String caller) implements Outcome {
    }

    /** @param slug last segment of the problem type, e.g. {@code api-key-missing} */
    public record Refused(String slug, String sentence) implements Outcome {
    }

    public Outcome check(String apiKeyHeader, String authorizationHeader) {
        Optional<String> key = PresentedApiKey.from(apiKeyHeader, authorizationHeader);
        if (key.isEmpty()) {
            return new Refused("api-key-missing",
                    "Send your API key in the X-API-Key header (or as Authorization: Bearer <key>).");
        }
        return registry.callerFor(key.get()).<Outcome>map(Known::new).orElseGet(() -> new Refused("api-key-unknown",
                "The API key is not recognised. Check that you send the key you were issued, without extra characters."));
    }
}
