package dev.fraudscore.featureservice.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.domain.Channel;
import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.testsupport.RedisMemory;
import dev.fraudscore.testsupport.TestRedis;
import dev.fraudscore.testsupport.TestRedisTemplate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * How many bytes of Redis a retained transaction costs in feature-service: writes
 * {@code footprint.transactions} (10,000) transactions of cards drawn from 5,000, over an hour, through the real store into
 * the test Redis, then reports {@code MEMORY USAGE} of the transaction cache's keys (1,000 of them) and of the
 * cards' windows and merchant sets, the {@code used_memory} delta divided by the count, and what deleting the
 * transaction cache gives back. The numbers in the README's "Per-transaction state" come from here:
 * {@code mvn -B -o -pl feature-service verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=TransactionCacheFootprintIT}.
 */
class TransactionCacheFootprintIT {

    private static final int TRANSACTIONS = Integer.getInteger("footprint.transactions", 10_000);
    private static final int SAMPLE = Math.min(1_000, TRANSACTIONS);
    private static final Instant START = Instant.parse("2026-12-02T09:00:00Z");

    private static final TestRedisTemplate CONNECTION = TestRedisTemplate.open();
    private static final StringRedisTemplate REDIS = CONNECTION.template();

    // as long as the default "fs:", so that the keys are as long as in production
    private final CardKeys keys = new CardKeys(TestRedis.uniquePrefixLike("fs:"), "fraud_v1");
    private final RedisHistoryStore store = new RedisHistoryStore(REDIS, keys,
            HistoryTtls.of(Duration.ofHours(25), Duration.ofHours(24)), "Redis under test");
    private final RedisMemory memory = CONNECTION.memory();

    @AfterAll
    static void disconnect() {
        CONNECTION.close();
    }

    @Test
    void reportsTheBytesOfARetainedTransaction() {
        Random random = new Random(20261202L);
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < Math.max(1, TRANSACTIONS / 2); i++) {
            cards.add("tok_" + HexFormat.of().toHexDigits(random.nextLong()));
        }
        List<String> cacheKeys = new ArrayList<>();
        Set<String> cardKeys = new LinkedHashSet<>();
        long before = memory.settledUsedMemory();
        for (int i = 0; i < TRANSACTIONS; i++) {
            String card = cards.get(random.nextInt(cards.size()));
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            // in the order they happened, as payments arrive
            Instant at = START.plusMillis(i * Duration.ofHours(1).toMillis() / TRANSACTIONS);
            FeatureTransaction tx = new FeatureTransaction(id, at, 100 + random.nextInt(50_000), card, "FR",
                    "m-" + random.nextInt(2_000), "5411", "FR", Channel.ECOMMERCE);
            assertThat(store.observe(tx).replayed()).isFalse();
            cacheKeys.add(keys.transaction(card, id));
            cardKeys.add(keys.window(card));
            cardKeys.add(keys.merchants(card));
        }
        long after = memory.settledUsedMemory();
        try {
            double cacheKey = memory.meanUsage(RedisMemory.spread(cacheKeys, SAMPLE));
            double cardState = cardKeys.stream().mapToLong(memory::usage).sum() / (double) TRANSACTIONS;
            REDIS.delete(cacheKeys);
            long withoutCache = memory.settledUsedMemory();
            System.out.printf(Locale.ROOT, "feature-service footprint, %s: %,d transactions of %,d cards; "
                    + "transaction cache: MEMORY USAGE %.1f B per key (mean of %,d), used_memory given back by deleting it "
                    + "%.1f B per transaction; windows and merchant sets: MEMORY USAGE %.1f B per transaction; "
                    + "used_memory delta of all %.1f B per transaction%n", memory.server(), TRANSACTIONS,
                    cardKeys.size() / 2, cacheKey, SAMPLE, (after - withoutCache) / (double) TRANSACTIONS, cardState,
                    (after - before) / (double) TRANSACTIONS);

            // packed, every history fits the allocator's 32-byte class; as text, those of cards seen before took 48
            assertThat(cacheKey).isLessThan(140);
        } finally {
            REDIS.delete(cacheKeys);
            REDIS.delete(cardKeys);
        }
    }
}
