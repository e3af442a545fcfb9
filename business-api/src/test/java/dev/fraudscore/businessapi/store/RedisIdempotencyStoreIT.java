package dev.fraudscore.businessapi.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.businessapi.domain.FraudScore;
import dev.fraudscore.businessapi.domain.MutableClock;
import dev.fraudscore.businessapi.store.IdempotencyStore.Claim;
import dev.fraudscore.businessapi.store.IdempotencyStore.Key;
import dev.fraudscore.businessapi.store.RedisIdempotencyStore.Place;
import dev.fraudscore.businessapi.web.AnswerJson;
import dev.fraudscore.domain.DayBuckets;
import dev.fraudscore.testsupport.TestRedis;
import dev.fraudscore.testsupport.TestRedisTemplate;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.databind.json.JsonMapper;

class RedisIdempotencyStoreIT {

    private static final TestRedisTemplate CONNECTION = TestRedisTemplate.open();
    private static final StringRedisTemplate REDIS = CONNECTION.template();
    private static final Duration TTL = Duration.ofHours(24);
    private static final AnswerJson JSON = new AnswerJson(JsonMapper.builder().build());
    private static final RedisScript<Long> EXPIRY =
            RedisScript.of("return redis.call('PEXPIRETIME', KEYS[1])", Long.class);
    private static final RedisScript<String> ENCODING =
            RedisScript.of("return redis.call('OBJECT', 'ENCODING', KEYS[1])", String.class);
    // today by Redis's clock, so that the buckets of the days the tests live in expire after the tests, not before
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private final String prefix = TestRedis.uniquePrefix();
    private final MutableClock clock = new MutableClock(at(TODAY, LocalTime.NOON));
    private final RedisIdempotencyStore store = newInstance();

    @AfterAll
    static void disconnect() {
        CONNECTION.close();
    }

    /** Another business-api instance: it shares Redis and the clock's time, not memory. */
    private RedisIdempotencyStore newInstance() {
        return newInstance(TTL, DayBuckets.DEFAULT);
    }

    private RedisIdempotencyStore newInstance(Duration ttl, DayBuckets buckets) {
        return new RedisIdempotencyStore(REDIS, prefix, ttl, CircuitBreaker.ofDefaults("idempotency"), clock, buckets);
    }

    @Test
    void anotherInstanceReplaysEveryKindOfAnswerByteForByte() {
        List<FraudScore> answers = new ArrayList<>(List.of(Answers.declinedWithRules("tx-rules"),
                Answers.degraded("tx-degraded"), Answers.postprocessDown("tx-postprocess"),
                Answers.approvedWithoutReasons("tx-approved"), Answers.everyRule("tx-every-rule")));
        RealisticAnswers realistic = new RealisticAnswers(new Random(3));
        for (int i = 0; i < 300; i++) {
            answers.add(realistic.next("tx-" + i));
        }
        for (FraudScore answer : answers) {
            Key key = key(answer.transactionId());
            store.claim(key, fingerprint(answer.transactionId()));
            store.saveAnswer(key, fingerprint(answer.transactionId()), JSON.write(answer)).join();
        }

        RedisIdempotencyStore other = newInstance();
        for (FraudScore answer : answers) {
            Claim replay = other.claim(key(answer.transactionId()), fingerprint(answer.transactionId()));
            assertThat(replay.status()).isEqualTo(Claim.Status.ANSWERED);
            assertThat(replay.answerJson()).isEqualTo(JSON.write(answer));
        }
    }

    @Test
    void keepsTheFingerprintsFirstSixteenBytesAndTheAnswersNumbersUnderItsSkeletonInTodaysBucket() {
        FraudScore answer = Answers.declinedWithRules("tx-1");
        String json = JSON.write(answer);
        store.claim(key("tx-1"), fingerprint("tx-1"));
        store.saveAnswer(key("tx-1"), fingerprint("tx-1"), json).join();

        Place place = store.placeOf(key("tx-1"), clock.instant());
        byte[] value = field(place);

        assertThat(place.bucket()).matches(quotedPrefix() + "idem:\\{" + TODAY.toEpochDay() + ":\\d+}");
        assertThat(place.field()).isEqualTo("shop:tx-1");
        assertThat(HexFormat.of().formatHex(value, 0, 16)).isEqualTo(fingerprint("tx-1").substring(0, 32));
        assertThat(value.length).as("for %s bytes of JSON", json.length()).isLessThanOrEqualTo(16 + 4 + 16);
    }

    @Test
    void theLongestRecordOfTheDefaultPolicyKeepsItsBucketAListpack() {
        Key key = key("tx-every-rule");
        store.claim(key, fingerprint("every"));
        store.saveAnswer(key, fingerprint("every"), JSON.write(Answers.everyRule("tx-every-rule"))).join();

        Place place = store.placeOf(key, clock.instant());

        // Redis's hash-max-listpack-value
        assertThat(field(place).length).isLessThanOrEqualTo(64);
        assertThat(REDIS.execute(ENCODING, List.of(place.bucket()))).isEqualTo("listpack");
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
        store.saveAnswer(key("tx-done"), fingerprint("a"), JSON.write(Answers.declinedWithRules("tx-done"))).join();
        Place open = store.placeOf(key("tx-open"), clock.instant());

        store.release(key("tx-open"), fingerprint("b")).join();
        assertThat(field(open)).isNotNull();
        store.release(key("tx-open"), fingerprint("a")).join();
        store.release(key("tx-done"), fingerprint("a")).join();

        assertThat(field(open)).isNull();
        assertThat(store.claim(key("tx-done"), fingerprint("a")).status()).isEqualTo(Claim.Status.ANSWERED);
    }

    @Test
    void aClaimMadeAMomentBeforeMidnightIsAnsweredSavedAndReleasedAfterIt() {
        clock.advance(Duration.between(clock.instant(), at(TODAY, LocalTime.of(23, 59, 59))));
        String json = JSON.write(Answers.declinedWithRules("tx-late"));
        assertThat(store.claim(key("tx-late"), fingerprint("late")).status()).isEqualTo(Claim.Status.CLAIMED);
        assertThat(store.claim(key("tx-refused"), fingerprint("refused")).status()).isEqualTo(Claim.Status.CLAIMED);
        Place late = store.placeOf(key("tx-late"), clock.instant());

        clock.advance(Duration.ofSeconds(2));

        assertThat(store.claim(key("tx-late"), fingerprint("late")).status()).isEqualTo(Claim.Status.PENDING);
        assertThat(store.claim(key("tx-late"), fingerprint("other")).status()).isEqualTo(Claim.Status.CONFLICT);
        store.saveAnswer(key("tx-late"), fingerprint("late"), json).join();
        store.release(key("tx-refused"), fingerprint("refused")).join();
        assertThat(store.claim(key("tx-late"), fingerprint("late")).answerJson()).isEqualTo(json);
        assertThat(field(late)).as("answered in the bucket of its claim").hasSizeGreaterThan(16);
        assertThat(field(store.placeOf(key("tx-late"), clock.instant()))).as("nothing in today's").isNull();
        assertThat(store.claim(key("tx-refused"), fingerprint("again")).status()).isEqualTo(Claim.Status.CLAIMED);
    }

    @Test
    void aRecordOfYesterdayIsFoundUntilTheEndOfToday() {
        clock.advance(Duration.between(clock.instant(), at(TODAY.minusDays(1), LocalTime.of(0, 0, 1))));
        String json = JSON.write(Answers.declinedWithRules("tx-old"));
        store.claim(key("tx-old"), fingerprint("old"));
        store.saveAnswer(key("tx-old"), fingerprint("old"), json).join();
        store.claim(key("tx-open"), fingerprint("open"));

        // a TTL and almost a day more after the claim
        clock.advance(Duration.between(clock.instant(), at(TODAY, LocalTime.of(23, 59, 59))));

        assertThat(store.claim(key("tx-old"), fingerprint("old")).answerJson()).isEqualTo(json);
        assertThat(store.claim(key("tx-old"), fingerprint("other")).status()).isEqualTo(Claim.Status.CONFLICT);
        assertThat(store.claim(key("tx-open"), fingerprint("open")).status()).isEqualTo(Claim.Status.PENDING);
        store.release(key("tx-open"), fingerprint("open")).join();
        assertThat(store.claim(key("tx-open"), fingerprint("again")).status()).isEqualTo(Claim.Status.CLAIMED);
    }

    @Test
    void aRefusedRequestLeavesTheStoredStateAsItWas() {
        RedisIdempotencyStore oneBucket = newInstance(TTL, new DayBuckets(1));
        String json = JSON.write(Answers.declinedWithRules("tx-done"));
        oneBucket.claim(key("tx-done"), fingerprint("done"));
        oneBucket.saveAnswer(key("tx-done"), fingerprint("done"), json).join();
        oneBucket.claim(key("tx-open"), fingerprint("open"));
        String bucket = oneBucket.placeOf(key("tx-done"), clock.instant()).bucket();
        Map<String, String> before = contents(bucket);
        long expiryBefore = expiry(bucket);

        clock.advance(Duration.ofHours(1));
        assertThat(oneBucket.claim(key("tx-done"), fingerprint("other")).status()).isEqualTo(Claim.Status.CONFLICT);
        assertThat(oneBucket.claim(key("tx-open"), fingerprint("other")).status()).isEqualTo(Claim.Status.CONFLICT);
        oneBucket.saveAnswer(key("tx-open"), fingerprint("other"), json).join();
        oneBucket.saveAnswer(key("tx-never"), fingerprint("never"), json).join();
        oneBucket.release(key("tx-open"), fingerprint("other")).join();
        oneBucket.release(key("tx-done"), fingerprint("done")).join();
        oneBucket.release(key("tx-never"), fingerprint("never")).join();

        assertThat(contents(bucket)).hasSize(2).isEqualTo(before);
        assertThat(expiry(bucket)).isEqualTo(expiryBefore);
        assertThat(REDIS.keys(prefix + "idem:*")).containsExactly(bucket);
    }

    @Test
    void theBucketExpiresAtTheEndOfItsDayPlusTheTtlSetOnceByTheClaimThatMadeIt() {
        RedisIdempotencyStore oneBucket = newInstance(TTL, new DayBuckets(1));
        clock.advance(Duration.between(clock.instant(), at(TODAY, LocalTime.of(8, 0))));
        oneBucket.claim(key("tx-morning"), fingerprint("morning"));
        String bucket = oneBucket.placeOf(key("tx-morning"), clock.instant()).bucket();
        long endOfDayPlusTtl = at(TODAY.plusDays(1), LocalTime.MIDNIGHT).plus(TTL).toEpochMilli();

        assertThat(expiry(bucket)).isEqualTo(endOfDayPlusTtl);

        // later that day, an instance configured with another TTL (a rolling change) shares the bucket
        clock.advance(Duration.ofHours(12));
        RedisIdempotencyStore longer = newInstance(TTL.multipliedBy(2), new DayBuckets(1));
        assertThat(longer.claim(key("tx-evening"), fingerprint("evening")).status()).isEqualTo(Claim.Status.CLAIMED);
        longer.saveAnswer(key("tx-evening"), fingerprint("evening"),
                JSON.write(Answers.declinedWithRules("tx-evening"))).join();
        oneBucket.saveAnswer(key("tx-morning"), fingerprint("morning"),
                JSON.write(Answers.declinedWithRules("tx-morning"))).join();

        assertThat(longer.placeOf(key("tx-evening"), clock.instant()).bucket()).isEqualTo(bucket);
        assertThat(expiry(bucket)).isEqualTo(endOfDayPlusTtl);
    }

    @Test
    void anAnswerWithoutItsIdKeepsItsJsonWhole() {
        String odd = "{\"note\":\"no transaction id here\",\"n\":1}";
        store.claim(key("tx-odd"), fingerprint("odd"));
        store.saveAnswer(key("tx-odd"), fingerprint("odd"), odd).join();

        assertThat(newInstance().claim(key("tx-odd"), fingerprint("odd")).answerJson()).isEqualTo(odd);
    }

    @Test
    void anAnswerWhoseSkeletonIsLostIsScoredAgainNeverAnsweredWrong() {
        String json = JSON.write(Answers.declinedWithRules("tx-lost"));
        store.claim(key("tx-lost"), fingerprint("lost"));
        store.saveAnswer(key("tx-lost"), fingerprint("lost"), json).join();
        REDIS.delete(REDIS.keys(prefix + "{answer-skeletons}:*"));
        RedisIdempotencyStore other = newInstance();

        assertThat(other.claim(key("tx-lost"), fingerprint("lost")).status()).isEqualTo(Claim.Status.PENDING);
        other.saveAnswer(key("tx-lost"), fingerprint("lost"), json).join();

        assertThat(newInstance().claim(key("tx-lost"), fingerprint("lost")).answerJson()).isEqualTo(json);
    }

    @Test
    void theSkeletonsOutliveTheAnswersThatNameThem() {
        store.claim(key("tx-1"), fingerprint("one"));
        store.saveAnswer(key("tx-1"), fingerprint("one"), JSON.write(Answers.declinedWithRules("tx-1"))).join();

        List<String> days = new ArrayList<>(REDIS.keys(prefix + "{answer-skeletons}:*"));

        assertThat(days).hasSize(1);
        assertThat(expiry(days.get(0))).isGreaterThan(expiry(store.placeOf(key("tx-1"), clock.instant()).bucket()));
    }

    @Test
    void answersAndFinishesWhatTheFormatBeforeWroteWhereItIs() {
        String json = JSON.write(Answers.declinedWithRules("tx-answered"));
        byte[] old = RedisIdempotencyStore.compact(fingerprint("old"));
        putOldFormat("tx-answered", concat(old, json.getBytes(StandardCharsets.UTF_8)));
        putOldFormat("tx-claimed", old);
        putOldFormat("tx-refused", old);
        long expiryBefore = expiry(oldKey("tx-claimed"));

        assertThat(store.claim(key("tx-answered"), fingerprint("old")).answerJson()).isEqualTo(json);
        assertThat(store.claim(key("tx-answered"), fingerprint("new")).status()).isEqualTo(Claim.Status.CONFLICT);
        assertThat(store.claim(key("tx-claimed"), fingerprint("old")).status()).isEqualTo(Claim.Status.PENDING);
        String answer = JSON.write(Answers.declinedWithRules("tx-claimed"));
        store.saveAnswer(key("tx-claimed"), fingerprint("old"), answer).join();
        store.release(key("tx-refused"), fingerprint("old")).join();

        assertThat(store.claim(key("tx-claimed"), fingerprint("old")).answerJson()).isEqualTo(answer);
        assertThat(oldValue("tx-claimed")).hasSizeGreaterThan(16).hasSizeLessThan(answer.length());
        assertThat(expiry(oldKey("tx-claimed"))).isEqualTo(expiryBefore);
        assertThat(REDIS.hasKey(oldKey("tx-refused"))).isFalse();
        assertThat(REDIS.keys(prefix + "idem:{*")).as("nothing moved into a bucket").isEmpty();
    }

    private static Key key(String transactionId) {
        return new Key("shop", transactionId);
    }

    private static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).toInstant(ZoneOffset.UTC);
    }

    private String quotedPrefix() {
        return Pattern.quote(prefix);
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

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] field(Place place) {
        return REDIS.execute((RedisCallback<byte[]>) connection -> connection.hashCommands()
                .hGet(bytes(place.bucket()), bytes(place.field())));
    }

    /** A bucket's fields and values, the values in hex. */
    private static Map<String, String> contents(String bucket) {
        Map<byte[], byte[]> raw = REDIS.execute((RedisCallback<Map<byte[], byte[]>>) connection ->
                connection.hashCommands().hGetAll(bytes(bucket)));
        Map<String, String> contents = new TreeMap<>();
        raw.forEach((f, v) -> contents.put(new String(f, StandardCharsets.UTF_8), HexFormat.of().formatHex(v)));
        return contents;
    }

    private static long expiry(String key) {
        return REDIS.execute(EXPIRY, List.of(key));
    }

    private String oldKey(String transactionId) {
        return prefix + "idem:shop:" + transactionId;
    }

    private void putOldFormat(String transactionId, byte[] value) {
        REDIS.execute((RedisCallback<Boolean>) connection ->
                connection.stringCommands().pSetEx(bytes(oldKey(transactionId)), TTL.toMillis(), value));
    }

    private byte[] oldValue(String transactionId) {
        return REDIS.execute((RedisCallback<byte[]>) connection ->
                connection.stringCommands().get(bytes(oldKey(transactionId))));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
