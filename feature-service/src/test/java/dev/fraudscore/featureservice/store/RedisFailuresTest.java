package dev.fraudscore.featureservice.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.featureservice.domain.FeatureStoreUnavailableException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;

class RedisFailuresTest {

    private static final String STORE = "Redis at redis.internal:6379";

    @Test
    void aFailedConnectionIsUnreachable() {
        assertThat(RedisFailures.unavailable(STORE, new RedisConnectionFailureException("Unable to connect to Redis")))
                .get().extracting(FeatureStoreUnavailableException::getMessage)
                .isEqualTo("the feature store (Redis at redis.internal:6379) is unreachable");
    }

    @Test
    void aTimeoutIsUnreachable() {
        assertThat(RedisFailures.unavailable(STORE, new QueryTimeoutException("Redis command timed out"))).isPresent();
    }

    @Test
    void aConnectionLostAfterStartIsUnreachable() {
        RedisSystemException lost = new RedisSystemException("Redis exception",
                new RedisException("Currently not connected. Commands are rejected."));

        assertThat(RedisFailures.unavailable(STORE, lost)).get().extracting(FeatureStoreUnavailableException::getMessage)
                .isEqualTo("the feature store (Redis at redis.internal:6379) is unreachable");
    }

    @Test
    void aRedisThatRefusesWorkForAWhileIsUnavailable() {
        RedisSystemException loading = new RedisSystemException("Error in execution",
                new RedisCommandExecutionException("LOADING Redis is loading the dataset in memory"));

        assertThat(RedisFailures.unavailable(STORE, loading)).get().extracting(FeatureStoreUnavailableException::getMessage)
                .isEqualTo("the feature store (Redis at redis.internal:6379) cannot serve right now: "
                        + "LOADING Redis is loading the dataset in memory");
    }

    @Test
    void aScriptErrorIsOursNotTheStoresAndStaysAnError() {
        RedisSystemException bug = new RedisSystemException("Error in execution",
                new RedisCommandExecutionException("ERR user_script:12: attempt to compare nil with number"));

        assertThat(RedisFailures.unavailable(STORE, bug)).isEmpty();
    }
}
