package dev.fraudscore.systemtests;

import dev.fraudscore.testsupport.TestRedis;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.Map;

/**
 * Reads the feature store directly: how many transactions feature-service has recorded for a card
 * (the members of the card's sliding-window sorted sets under the test's key prefix, in {@code fraud_v1}'s namespace:
 * the default model's set; every transaction is recorded in {@code fraud_v2} too, whose hour window would count it
 * again).
 */
final class CardAggregates {

    private final RedisCommands<String, String> redis;
    private final String prefix;

    CardAggregates(TestRedis testRedis, String prefix) {
        this.redis = RedisClient.create(testRedis.url()).connect().sync();
        this.prefix = prefix;
    }

    @SuppressWarnings("unchecked")
    long transactionsOf(Map<String, Object> transaction) {
        return transactionsOf((String) ((Map<String, Object>) transaction.get("card")).get("token"));
    }

    long transactionsOf(String cardToken) {
        long count = 0;
        ScanArgs match = ScanArgs.Builder.matches(prefix + "fraud_v1:*" + cardToken + "*").limit(500);
        KeyScanCursor<String> cursor = redis.scan(match);
        while (true) {
            for (String key : cursor.getKeys()) {
                if ("zset".equals(redis.type(key))) {
                    count += redis.zcard(key);
                }
            }
            if (cursor.isFinished()) {
                return count;
            }
            cursor = redis.scan(ScanCursor.of(cursor.getCursor()), match);
        }
    }
}
