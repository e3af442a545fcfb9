package dev.fraudscore.featureservice.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The keys a feature set's store writes for a card's transactions: what a warm-up deletes after itself. */
public interface StoreKeys {

    /** Where the set keeps the state already returned to each transaction id, so that a retry moves nothing. */
    TransactionCacheKeys transactionCache();

    /** Keys of the card and the merchant alone: deleted whole. */
    List<String> written(String cardKey, String merchantKey);

    /**
     * Hash fields the transactions, which occurred and arrived between {@code from} and {@code to}, wrote into keys
     * they share with others (transaction cache and label buckets), by key: deleted field by field, so that the
     * other records of a bucket stay.
     */
    Map<String, List<String>> writtenFields(List<String> transactionIds, Instant from, Instant to);

    /**
     * Deletes what each of {@code stores} wrote for the transactions of a throw-away card (a warm-up's), made between
     * {@code from} and {@code to}, in one pipeline: its own keys whole, its records in shared keys field by field.
     */
    static void deleteWritten(StringRedisTemplate redis, Collection<StoreKeys> stores, String cardKey,
            String merchantKey, List<String> transactionIds, Instant from, Instant to) {
        List<byte[]> keys = new ArrayList<>();
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (StoreKeys store : stores) {
            store.written(cardKey, merchantKey).forEach(k -> keys.add(bytes(k)));
            store.writtenFields(transactionIds, from, to)
                    .forEach((k, names) -> fields.computeIfAbsent(k, x -> new ArrayList<>()).addAll(names));
        }
        redis.executePipelined((RedisCallback<Object>) connection -> {
            if (!keys.isEmpty()) {
                connection.keyCommands().del(keys.toArray(byte[][]::new));
            }
            fields.forEach((key, names) -> connection.hashCommands().hDel(bytes(key),
                    names.stream().map(StoreKeys::bytes).toArray(byte[][]::new)));
            return null;
        });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
