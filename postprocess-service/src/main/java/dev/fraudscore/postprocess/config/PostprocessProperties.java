package dev.fraudscore.postprocess.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of postprocess-service.
 *
 * @param policy where the decision policy is read from: {@code classpath:...}, {@code file:...} or a plain
 *               file path (relative to the working directory)
 */
@ConfigurationProperties(PostprocessProperties.PREFIX)
public record PostprocessProperties(@DefaultValue(PostprocessProperties.DEFAULT_POLICY) String policy) {

    public static final String PREFIX = "fraudscore.postprocess";
    public static final String DEFAULT_POLICY = "classpath:policy/default-policy.yaml";
}
