package dev.fraudscore.businessapi.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.businessapi.domain.FraudScore;
import dev.fraudscore.businessapi.store.IdempotencyStore.Claim;
import dev.fraudscore.businessapi.store.IdempotencyStore.Key;
import dev.fraudscore.businessapi.web.AnswerJson;
import dev.fraudscore.testsupport.RedisMemory;
import dev.fraudscore.testsupport.TestRedis;
import dev.fraudscore.testsupport.TestRedisTemplate;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * How many bytes of Redis a retained transaction costs in the idempotency store: writes
 * {@code footprint.transactions} (10,000) realistic answers through the real store into the test Redis, then
 * reports {@code MEMORY USAGE} of 1,000 of its keys and the {@code used_memory} delta divided by the count.
 * The used_memory delta means something only when nothing else writes to that Redis meanwhile (the default: a
 * redis-server started for the test JVM). The numbers in the README's "Per-transaction state" come from here:
 * {@code mvn -B -o -pl business-api verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=IdempotencyFootprintIT}.
 */
class IdempotencyFootprintIT {

    private static final int TRANSACTIONS = Integer.getInteger("footprint.transactions", 10_000);
    private static final int SAMPLE = Math.min(1_000, TRANSACTIONS);
    private static final String CALLER = "shop";

    private static final TestRedisTemplate CONNECTION = TestRedisTemplate.open();
    private static final StringRedisTemplate REDIS = CONNECTION.template();

    // as long as the default "api:", so that the keys are as long as in production
    private final String prefix = TestRedis.uniquePrefixLike("api:");
    private final RedisIdempotencyStore store = new RedisIdempotencyStore(REDIS, prefix, Duration.ofHours(24),
            CircuitBreaker.ofDefaults("footprint"), Clock.systemUTC());
    private final AnswerJson json = new AnswerJson(JsonMapper.builder().build());
    private final RedisMemory memory = CONNECTION.memory();

    @AfterAll
    static void disconnect() {
        CONNECTION.close();
    }

    @Test
    void reportsTheBytesOfARetainedTransaction() {
        RealisticAnswers answers = new RealisticAnswers(new Random(20261202L));
        Random ids = new Random(7L);
        Map<Key, Sent> sample = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
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
                store.saveAnswer(key, fingerprint, body);
                jsonBytes += body.length();
                answered++;
            }
            keys.add(store.key(key));
            if (sample.size() < SAMPLE && !answer.degraded()) {
                sample.put(key, new Sent(fingerprint, body));
            }
        }
        long after = memory.settledUsedMemory();
        try {
            double perKey = memory.meanUsage(RedisMemory.spread(keys, SAMPLE));
            List<String> skeletons = new ArrayList<>(REDIS.keys(prefix + "{answer-skeletons}:*"));
            long dictionary = skeletons.stream().mapToLong(memory::usage).sum();
            double perTransaction = (after - before - dictionary) / (double) TRANSACTIONS;
            System.out.printf(Locale.ROOT, "idempotency footprint, %s: %,d transactions (stored answers: JSON of %.0f B on average); "
                    + "MEMORY USAGE %.1f B per key (mean of %,d); used_memory delta %.1f B per transaction, besides "
                    + "the answer skeletons' %,d B (%,d skeletons, shared by all)%n", memory.server(), TRANSACTIONS,
                    jsonBytes / (double) answered, perKey, SAMPLE, perTransaction, dictionary,
                    REDIS.opsForHash().size(skeletons.get(0)));

            sample.forEach((key, sent) -> assertThat(store.claim(key, sent.fingerprint()).answerJson())
                    .as("replay of %s", key).isEqualTo(sent.body()));
            // a regression guard well above the 140 B measured, far below the 684 B of the answer JSON in a hash
            assertThat(perKey).isLessThan(160);
        } finally {
            REDIS.delete(keys);
            REDIS.delete(REDIS.keys(prefix + "{answer-skeletons}:*"));
        }
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
