package dev.fraudscore.businessapi.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.businessapi.domain.FraudScore;
import dev.fraudscore.businessapi.store.IdempotencyStore.Claim;
import dev.fraudscore.businessapi.store.IdempotencyStore.Key;
import dev.fraudscore.businessapi.web.AnswerJson;
import dev.fraudscore.domain.DayBuckets;
import dev.fraudscore.testsupport.RedisMemory;
import dev.fraudscore.testsupport.TestRedis;
import dev.fraudscore.testsupport.TestRedisTemplate;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.databind.json.JsonMapper;

/**
 * How many bytes of Redis a retained transaction costs in the idempotency store: writes
 * {@code footprint.transactions} (10,000) realistic answers through the real store into the test Redis, then
 * reports {@code MEMORY USAGE} of the day buckets divided by the records they hold and the {@code used_memory}
 * delta divided by the count, twice: with the buckets as full as production's at 1,000 transactions a second (some
 * 78 records a bucket: 128 buckets for 10,000 transactions, as 2^20 for 86.4 M a day), and at low volume, where
 * production's 2^20 buckets hold one record each. The used_memory delta means something only when nothing else
 * writes to that Redis meanwhile (the default: a redis-server started for the test JVM). The numbers in the README's
 * "Per-transaction state" come from here: {@code mvn -B -o -pl business-api -am verify -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=IdempotencyFootprintIT -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
class IdempotencyFootprintIT {

    private static final int TRANSACTIONS = Integer.getInteger("footprint.transactions", 10_000);
    private static final int SAMPLE = Math.min(1_000, TRANSACTIONS);
    private static final String CALLER = "shop";
    private static final Duration TTL = Duration.ofHours(24);
    private static final RedisScript<String> ENCODING =
            RedisScript.of("return redis.call('OBJECT', 'ENCODING', KEYS[1])", String.class);

    private static final TestRedisTemplate CONNECTION = TestRedisTemplate.open();
    private static final StringRedisTemplate REDIS = CONNECTION.template();

    // as long as the default "api:", so that the keys are as long as in production
    private final String prefix = TestRedis.uniquePrefixLike("api:");
    // noon of today (UTC), so that the buckets expire a day or more after the test
    private final Clock clock = Clock.fixed(LocalDate.now(ZoneOffset.UTC).atTime(12, 0).toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);
    private final AnswerJson json = new AnswerJson(JsonMapper.builder().build());
    private final RedisMemory memory = CONNECTION.memory();

    @AfterAll
    static void disconnect() {
        CONNECTION.close();
    }

    @Test
    void reportsTheBytesOfARetainedTransactionInBucketsAsFullAsProductions() {
        Footprint footprint = measure(new DayBuckets(Integer.highestOneBit(Math.max(1, TRANSACTIONS / 78))));

        // 81.0 B a record (81.6 B used_memory) measured on Redis 7.0 (2026-12-06), 140.4 B (224.3 B) when each had a
        // key of its own
        assertThat(footprint.perRecord()).isLessThan(95);
        assertThat(footprint.perTransaction()).isLessThan(110);
        assertThat(footprint.listpacks()).isEqualTo(footprint.buckets());
    }

    @Test
    void reportsTheBytesOfARetainedTransactionAtLowVolume() {
        Footprint footprint = measure(DayBuckets.DEFAULT);

        // a bucket a record costs a key again: 156.0 B (221.2 B used_memory) measured on Redis 7.0 (2026-12-06), a
        // little more than the 140.4 B (224.3 B) of the string each had before
        assertThat(footprint.perRecord()).isLessThan(180);
    }

    private Footprint measure(DayBuckets buckets) {
        RedisIdempotencyStore store = new RedisIdempotencyStore(REDIS, prefix, TTL,
                CircuitBreaker.ofDefaults("footprint"), clock, buckets);
        RealisticAnswers answers = new RealisticAnswers(new Random(20261202L));
        Random ids = new Random(7L);
        Map<Key, Sent> sample = new LinkedHashMap<>();
        Set<String> bucketKeys = new LinkedHashSet<>();
        long jsonBytes = 0;
        int answered = 0;
        long before = memory.settledUsedMemory();
        for (int i = 0; i < TRANSACTIONS; i++) {
            Key key = new Key(CALLER, new UUID(ids.nextLong(), ids.nextLong()).toString());
            String fingerprint = fingerprint(i);
            FraudScore answer = answers.next(key.transactionId());
            assertThat(store.claim(key, fingerprint).status()).isEqualTo(Claim.Status.CLAIMED);
            String body = json.write(answer);
            if (!answer.degraded()) {
                store.saveAnswer(key, fingerprint, body).join();
                jsonBytes += body.length();
                answered++;
            }
            bucketKeys.add(store.placeOf(key, clock.instant()).bucket());
            if (sample.size() < SAMPLE && !answer.degraded()) {
                sample.put(key, new Sent(fingerprint, body));
            }
        }
        long after = memory.settledUsedMemory();
        List<String> skeletons = new ArrayList<>(REDIS.keys(prefix + "{answer-skeletons}:*"));
        try {
            long bucketBytes = bucketKeys.stream().mapToLong(memory::usage).sum();
            long listpacks = bucketKeys.stream().filter(k -> "listpack".equals(REDIS.execute(ENCODING, List.of(k))))
                    .count();
            long dictionary = skeletons.stream().mapToLong(memory::usage).sum();
            Footprint footprint = new Footprint(bucketBytes / (double) TRANSACTIONS,
                    (after - before - dictionary) / (double) TRANSACTIONS, bucketKeys.size(), listpacks);
            System.out.printf(Locale.ROOT, "idempotency footprint, %s: %,d transactions (stored answers: JSON of %.0f B"
                    + " on average) in %,d of %,d buckets a day (%,d listpack-encoded); MEMORY USAGE of the buckets %.1f B"
                    + " per record; used_memory delta %.1f B per transaction, besides the answer skeletons' %,d B (%,d"
                    + " skeletons, shared by all)%n", memory.server(), TRANSACTIONS, jsonBytes / (double) answered,
                    bucketKeys.size(), buckets.perDay(), listpacks, footprint.perRecord(), footprint.perTransaction(),
                    dictionary, REDIS.opsForHash().size(skeletons.get(0)));

            sample.forEach((key, sent) -> assertThat(store.claim(key, sent.fingerprint()).answerJson())
                    .as("replay of %s", key).isEqualTo(sent.body()));
            return footprint;
        } finally {
            REDIS.delete(bucketKeys);
            REDIS.delete(skeletons);
        }
    }

    /**
     * @param perRecord      {@code MEMORY USAGE} of the buckets over the records they hold
     * @param perTransaction the {@code used_memory} delta over the transactions, less the answer skeletons
     */
    private record Footprint(double perRecord, double perTransaction, int buckets, long listpacks) {
    }

    private record Sent(String fingerprint, String body) {
    }

    /** A SHA-256 in hex, as the web layer computes it, distinct per transaction. */
    private static String fingerprint(int i) {
        byte[] digest = new byte[32];
        new Random(i).nextBytes(digest);
        return HexFormat.of().formatHex(digest);
    }
}
