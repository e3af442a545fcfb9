package dev.fraudscore.featureservice.store;

import dev.fraudscore.domain.DayBuckets;
import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.features.state.Aggregate;
import dev.fraudscore.features.state.AggregateState;
import dev.fraudscore.features.state.AggregateStore;
import dev.fraudscore.features.state.Counter;
import dev.fraudscore.features.state.Entity;
import dev.fraudscore.features.state.ExactWindow;
import dev.fraudscore.features.state.LabelOutcome;
import dev.fraudscore.features.state.LastEvent;
import dev.fraudscore.features.state.RecentMerchants;
import dev.fraudscore.features.state.StateLayout;
import dev.fraudscore.features.state.StateSpec;
import dev.fraudscore.features.state.Tiles;
import dev.fraudscore.features.state.TransactionLabel;
import dev.fraudscore.features.state.TransactionRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * The serving store of any declared state: the semantics of feature-core's {@code InMemoryAggregateStore} in one
 * generic Lua script per transaction (one round trip, EVALSHA), whatever the aggregates. Every bound is computed
 * here, in longs, and handed to the script as text, so Lua never does arithmetic near the limits of a double.
 */
public final class RedisAggregateStore implements AggregateStore {

    private static final RedisScript<byte[]> OBSERVE = StoreScripts.observing("scripts/observe-aggregates.lua");
    private static final RedisScript<String> LABEL =
            RedisScript.of(new ClassPathResource("scripts/record-label.lua"), String.class);
    private static final RedisScript<String> FIND_RECORD =
            RedisScript.of(new ClassPathResource("scripts/first-hash-field.lua"), String.class);

    private final StringRedisTemplate redis;
    private final StateSpec spec;
    private final AggregateKeys keys;
    private final Duration transactionCacheTtl;
    private final Clock clock;
    private final String storeAddress;

    /**
     * @param clock when a transaction arrives: the day of the transaction cache's bucket
     * @param storeAddress where Redis is, in words, for the caller's error, e.g. {@code Redis at localhost:6379}
     */
    public RedisAggregateStore(StringRedisTemplate redis, AggregateKeys keys, Duration transactionCacheTtl,
            Clock clock, String storeAddress) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.spec = keys.spec();
        this.transactionCacheTtl = Objects.requireNonNull(transactionCacheTtl, "transactionCacheTtl");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.storeAddress = Objects.requireNonNull(storeAddress, "storeAddress");
    }

    @Override
    public Observation observe(FeatureTransaction tx) {
        ScriptCall<Observation> call = observeCall(tx);
        byte[] reply = call(() -> redis.execute(OBSERVE, RedisSerializer.string(), RedisSerializer.byteArray(),
                call.keys(), call.args().toArray()));
        return call.reply().apply(reply);
    }

    /** The observation of {@code tx}, prepared: sent by {@link #observe}, or pipelined with other sets'. */
    ScriptCall<Observation> observeCall(FeatureTransaction tx) {
        long t = tx.occurredAtMillis();
        long now = clock.millis();
        List<String> args = new ArrayList<>(8 + spec.aggregates().size());
        args.add(Long.toString(t));
        args.add(tx.transactionId());
        args.add(Long.toString(tx.amountMinor()));
        args.add(tx.merchantKey());
        args.add(Long.toString(DayBuckets.expiry(now, transactionCacheTtl)));
        args.add(spec.countsLabels() ? "1" : "0");
        args.add(Long.toString(StateLayout.labelBucketExpiry(t, spec.labelHorizon()) - t));
        args.add(spec.countsLabels() ? StateLayout.recordValue(
                new TransactionRecord(tx.cardKey(), tx.merchantKey(), t, null, 0)) : "");
        for (Aggregate a : spec.aggregates()) {
            args.add(line(a, t));
        }
        return new ScriptCall<>(OBSERVE, keys.forTransaction(tx, now, transactionCacheTtl), args, this::observation);
    }

    /** {@code '0'} (first time) or {@code '1'} (replayed) and the packed state, or {@code 'L'} and it in decimal. */
    private Observation observation(byte[] reply) {
        if (reply == null || reply.length == 0) {
            throw new IllegalStateException("the aggregate script returned nothing");
        }
        return switch (reply[0]) {
            case '0' -> new Observation(PackedState.read(spec, reply, 1), false);
            case '1' -> new Observation(PackedState.read(spec, reply, 1), true);
            case 'L' -> new Observation(text(new String(reply, 1, reply.length - 1, StandardCharsets.US_ASCII)), true);
            default -> throw new IllegalStateException("the aggregate script returned a reply starting with byte "
                    + (reply[0] & 0xFF));
        };
    }

    /** One aggregate's ARGV line; see the script's header. */
    private static String line(Aggregate a, long t) {
        if (a instanceof ExactWindow w) {
            return "E " + (t - w.length().toMillis()) + " " + w.ttl().toMillis();
        }
        if (a instanceof LastEvent l) {
            return "L " + (t - l.horizon().toMillis()) + " " + l.ttl().toMillis();
        }
        if (a instanceof RecentMerchants m) {
            return "M " + (t - m.memory().toMillis()) + " " + m.capacity() + " " + m.ttl().toMillis();
        }
        Tiles tiles = (Tiles) a;
        long current = tiles.tileOf(t);
        StringBuilder line = new StringBuilder("T ").append(current).append(' ').append(tiles.keep()).append(' ')
                .append(tiles.ttl().toMillis()).append(' ');
        tiles.counters().forEach(c -> line.append(c.field()));
        for (int w = 0; w < tiles.windows().size(); w++) {
            line.append(' ').append(tiles.from(w, current)).append(' ').append(tiles.to(w, current));
        }
        return line.toString();
    }

    /** A state kept in the cache's string key (the version before, the batch backfill): decimal, by ','. */
    private AggregateState text(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != spec.width()) {
            throw new IllegalStateException("the aggregate script returned " + parts.length + " numbers, the state"
                    + " has " + spec.width());
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Long.parseLong(parts[i]);
        }
        return new AggregateState(spec, values);
    }

    @Override
    public LabelOutcome recordLabel(TransactionLabel label) {
        if (!spec.countsLabels()) {
            throw new IllegalStateException("this state counts no labels");
        }
        long reported = label.reportedAt().toEpochMilli();
        // the record names its bucket and the tiles to move, so it is found first (one call over every day it may
        // be in); the script checks it again, atomically
        String found = call(() -> redis.execute(FIND_RECORD,
                keys.labelBuckets(label.transactionId(), reported), label.transactionId()));
        if (found == null) {
            return LabelOutcome.UNKNOWN_TRANSACTION;
        }
        TransactionRecord record = StateLayout.record(found);
        if (reported - record.millis() > spec.labelHorizon().toMillis()) {
            return LabelOutcome.UNKNOWN_TRANSACTION;
        }
        List<String> scriptKeys = new ArrayList<>(List.of(keys.labelBucket(label.transactionId(), record.millis())));
        List<String> args = new ArrayList<>(List.of(label.transactionId(), StateLayout.labelCode(label.label()),
                StateLayout.recordValue(record.labelled(label.label(), reported))));
        for (Tiles tiles : spec.labelledTiles()) {
            String entity = tiles.entity() == Entity.CARD ? record.cardKey() : record.merchantKey();
            scriptKeys.add(keys.aggregate(tiles, entity));
            long tile = tiles.tileOf(record.millis());
            args.add(tile + " " + tiles.keep() + " " + StateLayout.tileField(tiles, tile, Counter.COUNT) + " "
                    + StateLayout.tileField(tiles, tile, Counter.FRAUD));
        }
        String reply = call(() -> redis.execute(LABEL, scriptKeys, args.toArray()));
        return switch (String.valueOf(reply)) {
            case "N" -> LabelOutcome.RECORDED;
            case "R" -> LabelOutcome.REPEATED;
            case "C" -> LabelOutcome.CONFLICT;
            case "U" -> LabelOutcome.UNKNOWN_TRANSACTION;
            default -> throw new IllegalStateException("the label script returned '" + reply + "'");
        };
    }

    private <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (DataAccessException e) {
            throw RedisFailures.unavailable(storeAddress, e).orElseThrow(() -> e);
        }
    }
}
