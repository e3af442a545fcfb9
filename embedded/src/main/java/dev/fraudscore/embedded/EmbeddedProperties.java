package dev.fraudscore.embedded;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fraudscore.gateway.*} as the embedded deployment reads it: the callers and their API keys, under the
 * gateway's own names so one configuration serves both deployments.
 *
 * @param apiKeys each caller's name and the SHA-256 (hex) of its key
 */
@Validated
@ConfigurationProperties("fraudscore.gateway")
public record EmbeddedProperties(@DefaultValue @Valid List<ApiKey> apiKeys) {

    public record ApiKey(@NotBlank String name,
                         @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be the 64 hex digits of a SHA-256") String sha256) {
    }
}
