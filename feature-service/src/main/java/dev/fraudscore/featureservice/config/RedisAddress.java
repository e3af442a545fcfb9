package dev.fraudscore.featureservice.config;

import java.util.stream.Collectors;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;

/** Where the configured Redis is, in words an operator recognises in an error. */
final class RedisAddress {

    private RedisAddress() {
    }

    static String describe(DataRedisConnectionDetails details) {
        if (details.getCluster() != null) {
            return "Redis Cluster at " + details.getCluster().getNodes().stream()
                    .map(n -> n.host() + ":" + n.port()).collect(Collectors.joining(","));
        }
        if (details.getSentinel() != null) {
            return "Redis master " + details.getSentinel().getMaster() + " via Sentinel at "
                    + details.getSentinel().getNodes().stream()
                            .map(n -> n.host() + ":" + n.port()).collect(Collectors.joining(","));
        }
        DataRedisConnectionDetails.Standalone standalone = details.getStandalone();
        return "Redis at " + standalone.getHost() + ":" + standalone.getPort();
    }
}
