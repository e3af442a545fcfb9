package dev.fraudscore.gateway.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the public door, under {@code fraudscore.gateway}.
 *
 * @param upstream     base URL of business-api; {@code /fraud-score} is forwarded there with its path unchanged
 * @param maxBodyBytes largest request body accepted; larger ones get 413 and are never forwarded
 * @param apiKeys      the callers allowed in, each with the SHA-256 (hex) of its key
 */
@Validated
@ConfigurationProperties("fraudscore.gateway")
public record GatewayProperties(
        @DefaultValue("http://localhost:8090") @NotNull URI upstream,
        @DefaultValue("65536") @Positive @Max(16 * 1024 * 1024) int maxBodyBytes,
        @DefaultValue @NotNull List<@Valid ApiKey> apiKeys) {

    public GatewayProperties {
        if (upstream != null && (upstream.getHost() == null
                || !("http".equals(upstream.getScheme()) || "https".equals(upstream.getScheme())))) {
            throw new IllegalArgumentException(
                    "fraudscore.gateway.upstream must be an http(s) URL with a host, such as http://localhost:8090; got "
                            + upstream);
        }
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    }

    /**
     * One caller. The name travels to business-api as {@code X-Caller}, hence the plain characters.
     *
     * @param name   the caller's name, e.g. {@code checkout}
     * @param sha256 hex SHA-256 of the key: {@code printf %s "$KEY" | sha256sum}
     */
    public record ApiKey(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "use 1-64 of A-Z a-z 0-9 . _ -") String name,
            @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hex digits (printf %s \"$KEY\" | sha256sum)")
            String sha256) {
    }
}
