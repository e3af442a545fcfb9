package dev.fraudscore.featureservice.store;

import dev.fraudscore.featureservice.domain.FeatureStoreUnavailableException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;

/**
 * Tells a Redis that cannot serve now (a caller should degrade and retry later) from a bug in how we
 * use it (a caller can do nothing about it).
 */
final class RedisFailures {

    /** Error replies of a Redis that is alive but refuses work for a while. */
    private static final List<String> TRANSIENT_REPLIES =
            List.of("LOADING", "BUSY", "MASTERDOWN", "READONLY", "OOM", "CLUSTERDOWN", "TRYAGAIN");

    private RedisFailures() {
    }

    static Optional<FeatureStoreUnavailableException> unavailable(String store, DataAccessException e) {
        if (e instanceof DataAccessResourceFailureException || e instanceof QueryTimeoutException) {
            return Optional.of(FeatureStoreUnavailableException.unreachable(store, e));
        }
        if (e instanceof RedisSystemException && e.getCause() instanceof RedisCommandExecutionException reply) {
            String message = String.valueOf(reply.getMessage());
            return TRANSIENT_REPLIES.stream().anyMatch(message::startsWith)
                    ? Optional.of(FeatureStoreUnavailableException.refusing(store, message, e))
                    : Optional.empty();
        }
        if (e instanceof RedisSystemException && e.getCause() instanceof RedisException) {
            // Lettuce's own refusals, e.g. "Currently not connected. Commands are rejected."
            return Optional.of(FeatureStoreUnavailableException.unreachable(store, e));
        }
        return Optional.empty();
    }
}
