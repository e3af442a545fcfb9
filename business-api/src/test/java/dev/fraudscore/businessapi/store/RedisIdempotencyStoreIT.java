package dev.fraudscore.businessapi.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.businessapi.domain.FraudScore;
import dev.fraudscore.businessapi.store.IdempotencyStore.Claim;
import dev.fraudscore.businessapi.store.IdempotencyStore.Key;
import dev.fraudscore.businessapi.web.AnswerJson;
import dev.fraudscore.testsupport.TestRedis;
import dev.fraudscore.testsupport.TestRedisTemplate;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

class RedisIdempotencyStoreIT {

    private static final TestRedisTemplate CONNECTION = TestRedisTemplate.open();
    private static final StringRedisTemplate REDIS = CONNECTION.template();
    private static final Duration TTL = Duration.ofHours(24);
    private static final AnswerJson JSON = new AnswerJson(JsonMapper.builder().build());

    private final String prefix = TestRedis.uniquePrefix();
    private final RedisIdempotencyStore store = newInstance();

    @AfterAll
    static void disconnect() {
        CONNECTION.close();
    }

    /** Another business-api instance: it shares Redis, not memory. */
    private RedisIdempotencyStore newInstance() {
        return new RedisIdempotencyStore(REDIS, prefix, TTL, CircuitBreaker.ofDefaults("idempotency"), Clock.systemUTC());
    }

    @Test
    void anotherInstanceReplaysEveryKindOfAnswerByteForByte() {
        List<FraudScore> answers = new ArrayList<>(List.of(Answers.declinedWithRules("tx-rules"),
                Answers.degraded("tx-degraded"), Answers.postprocessDown("tx-postprocess"),
                Answers.approvedWithoutReasons("tx-approved")));
        RealisticAnswers realistic = new RealisticAnswers(new Random(3));
        for (int i = 0; i < 300; i++) {
            answers.add(realistic.next("tx-" + i));
        }
        for (FraudScore answer : answers) {
            Key key = key(answer.transactionId());
            store.claim(key, fingerprint(answer.transactionId()));
            store.saveAnswer(key, fingerprint(answer.transactionId()), JSON.write(answer));
        }

        RedisIdempotencyStore other = newInstance();
        for (FraudScore answer : answers) {
            Claim replay = other.claim(key(answer.transactionId()), fingerprint(answer.transactionId()));
            assertThat(replay.status()).isEqualTo(Claim.Status.ANSWERED);
            assertThat(replay.answerJson()).isEqualTo(JSON.write(answer));
        }
    }

    @Test
    void keepsTheFingerprintsFirstSixteenBytesAndTheAnswersNumbersUnderItsSkeleton() {
        FraudScore answer = Answers.declinedWithRules("tx-1");
        String json = JSON.write(answer);
        store.claim(key("tx-1"), fingerprint("tx-1"));
        store.saveAnswer(key("tx-1"), fingerprint("tx-1"), json);

        byte[] value = raw(store.key(key("tx-1")));

        assertThat(HexFormat.of().formatHex(value, 0, 16)).isEqualTo(fingerprint("tx-1").substring(0, 32));
        assertThat(value.length).as("for %s bytes of JSON", json.length()).isLessThanOrEqualTo(16 + 4 + 16);
        assertThat(REDIS.getExpire(store.key(key("tx-1")), TimeUnit.MILLISECONDS))
                .isPositive().isLessThanOrEqualTo(TTL.toMillis()).isGreaterThan(TTL.minusMinutes(1).toMillis());
    }

    @Test
    void anotherBodyUnderTheIdIsAConflictAndTheSameBodyUnansweredIsPending() {
        assertThat(store.claim(key("tx-1"), fingerprint("body-1")).status()).isEqualTo(Claim.Status.CLAIMED);

        assertThat(store.claim(key("tx-1"), fingerprint("body-2")).status()).isEqualTo(Claim.Status.CONFLICT);
        assertThat(store.claim(key("tx-1"), fingerprint("body-1")).status()).isEqualTo(Claim.Status.PENDING);
        assertThat(store.claim(new Key("bank", "tx-1"), fingerprint("body-2")).status()).isEqualTo(Claim.Status.CLAIMED);
    }

    @Test
    void releaseDropsOnlyAnUnansweredClaimOfTheSameBody() {
        store.claim(key("tx-open"), fingerprint("a"));
        store.claim(key("tx-done"), fingerprint("a"));
        store.saveAnswer(key("tx-done"), fingerprint("a"), JSON.write(Answers.declinedWithRules("tx-done")));

        store.release(key("tx-open"), fingerprint("b"));
        assertThat(REDIS.hasKey(store.key(key("tx-open")))).isTrue();
        store.release(key("tx-open"), fingerprint("a"));
        store.release(key("tx-done"), fingerprint("a"));

        assertThat(REDIS.hasKey(store.key(key("tx-open")))).isFalse();
        assertThat(store.claim(key("tx-done"), fingerprint("a")).status()).isEqualTo(Claim.Status.ANSWERED);
    }

    @Test
    void anAnswerWithoutItsIdKeepsItsJsonWhole() {
        String odd = "{\"note\":\"no transaction id here\",\"n\":1}";
        store.claim(key("tx-odd"), fingerprint("odd"));
        store.saveAnswer(key("tx-odd"), fingerprint("odd"), odd);

        assertThat(newInstance().claim(key("tx-odd"), fingerprint("odd")).answerJson()).isEqualTo(odd);
    }

    @Test
    void anAnswerWhoseSkeletonIsLostIsScoredAgainNeverAnsweredWrong() {
        String json = JSON.write(Answers.declinedWithRules("tx-lost"));
        store.claim(key("tx-lost"), fingerprint("lost"));
        store.saveAnswer(key("tx-lost"), fingerprint("lost"), json);
        REDIS.delete(REDIS.keys(prefix + "{answer-skeletons}:*"));
        RedisIdempotencyStore other = newInstance();

        assertThat(other.claim(key("tx-lost"), fingerprint("lost")).status()).isEqualTo(Claim.Status.PENDING);
        other.saveAnswer(key("tx-lost"), fingerprint("lost"), json);

        assertThat(newInstance().claim(key("tx-lost"), fingerprint("lost")).answerJson()).isEqualTo(json);
    }

    @Test
    void theSkeletonsOutliveTheAnswersThatNameThem() {
        store.claim(key("tx-1"), fingerprint("one"));
        store.saveAnswer(key("tx-1"), fingerprint("one"), JSON.write(Answers.declinedWithRules("tx-1")));

        List<String> days = new ArrayList<>(REDIS.keys(prefix + "{answer-skeletons}:*"));

        assertThat(days).hasSize(1);
        assertThat(REDIS.getExpire(days.get(0), TimeUnit.MILLISECONDS)).isGreaterThan(TTL.plusDays(1).toMillis());
    }

    @Test
    void readsAndFinishesWhatTheFormatBeforeWrote() {
        String json = JSON.write(Answers.declinedWithRules("tx-answered"));
        REDIS.opsForHash().putAll(store.key(key("tx-answered")), Map.of("h", fingerprint("old"), "a", json));
        REDIS.opsForHash().put(store.key(key("tx-claimed")), "h", fingerprint("old"));
        REDIS.opsForHash().put(store.key(key("tx-refused")), "h", fingerprint("old"));

        assertThat(store.claim(key("tx-answered"), fingerprint("old")).answerJson()).isEqualTo(json);
        assertThat(store.claim(key("tx-answered"), fingerprint("new")).status()).isEqualTo(Claim.Status.CONFLICT);
        assertThat(store.claim(key("tx-claimed"), fingerprint("old")).status()).isEqualTo(Claim.Status.PENDING);
        String answer = JSON.write(Answers.declinedWithRules("tx-claimed"));
        store.saveAnswer(key("tx-claimed"), fingerprint("old"), answer);
        store.release(key("tx-refused"), fingerprint("old"));

        assertThat(store.claim(key("tx-claimed"), fingerprint("old")).answerJson()).isEqualTo(answer);
        assertThat(raw(store.key(key("tx-claimed")))).hasSizeLessThan(answer.length());
        assertThat(REDIS.hasKey(store.key(key("tx-refused")))).isFalse();
    }

    private static Key key(String transactionId) {
        return new Key("shop", transactionId);
    }

    /** A SHA-256 in hex, as the web layer computes it. */
    private static String fingerprint(String body) {
        return HexFormat.of().formatHex(sha256(body));
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] raw(String key) {
        return REDIS.execute((RedisCallback<byte[]>) connection ->
                connection.stringCommands().get(key.getBytes(StandardCharsets.UTF_8)));
    }
}
