package dev.fraudscore.featureservice.store;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * Sends several prepared scripts in one round trip: their EVALSHAs are written together on Lettuce's one shared
 * connection and their replies awaited together (a pipeline). Each keeps its own reply, so a script Redis does
 * not know yet (after a restart or a {@code SCRIPT FLUSH}) is sent again on its own, which loads it, while the
 * others' replies stand: nothing runs twice.
 */
final class PipelinedScripts {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

    private final StringRedisTemplate redis;
    private final String storeAddress;
    private final Duration timeout;

    PipelinedScripts(StringRedisTemplate redis, String storeAddress) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.storeAddress = Objects.requireNonNull(storeAddress, "storeAddress");
        // the command timeout of the template's client (spring.data.redis.timeout), which a single call gets too
        this.timeout = redis.getConnectionFactory() instanceof LettuceConnectionFactory lettuce && lettuce.getTimeout() > 0
                ? Duration.ofMillis(lettuce.getTimeout()) : DEFAULT_TIMEOUT;
    }

    /** @return each call's reply, read by the call, in order */
    List<Object> execute(List<ScriptCall<?>> calls) {
        List<Object> raw = call(() -> redis.execute((RedisCallback<List<Object>>) connection -> send(
                asyncCommands(connection.getNativeConnection()), calls)));
        List<Object> replies = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            replies.add(reply(calls.get(i), raw.get(i)));
        }
        return replies;
    }

    @SuppressWarnings("unchecked")
    private static RedisClusterAsyncCommands<byte[], byte[]> asyncCommands(Object nativeConnection) {
        return (RedisClusterAsyncCommands<byte[], byte[]>) nativeConnection;
    }

    /** Every EVALSHA first, then every reply (or its failure). */
    private List<Object> send(RedisClusterAsyncCommands<byte[], byte[]> async, List<ScriptCall<?>> calls) {
        List<RedisFuture<byte[]>> futures = new ArrayList<>(calls.size());
        for (ScriptCall<?> call : calls) {
            futures.add(async.evalsha(call.script().getSha1(), ScriptOutputType.VALUE, call.keyBytes(), call.argBytes()));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Object> raw = new ArrayList<>(calls.size());
        for (RedisFuture<byte[]> future : futures) {
            try {
                raw.add(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (ExecutionException e) {
                raw.add(e.getCause());
            } catch (TimeoutException e) {
                throw new QueryTimeoutException("Redis did not answer the pipelined scripts within " + timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new QueryTimeoutException("interrupted while waiting for Redis", e);
            }
        }
        return raw;
    }

    private Object reply(ScriptCall<?> call, Object raw) {
        if (raw instanceof byte[] bytes) {
            return call.reply().apply(bytes);
        }
        if (raw instanceof RedisNoScriptException) {
            // EVALSHA, then EVAL of the body when Redis does not know it: one more round trip, once per restart
            RedisScript<byte[]> script = RedisScript.of(call.script().getScriptAsString(), byte[].class);
            byte[] bytes = call(() -> redis.execute(script, RedisSerializer.string(), RedisSerializer.byteArray(),
                    call.keys(), call.args().toArray()));
            return call.reply().apply(bytes);
        }
        Throwable failure = raw instanceof Throwable t ? t : new IllegalStateException("a script answered " + raw);
        throw translated(new RedisSystemException(String.valueOf(failure.getMessage()), failure));
    }

    private <T> T call(Supplier<T> command) {
        try {
            return command.get();
        } catch (DataAccessException e) {
            throw translated(e);
        }
    }

    /** Redis cannot serve now ({@code FeatureStoreUnavailableException}), else {@code e} itself. */
    private RuntimeException translated(DataAccessException e) {
        Optional<? extends RuntimeException> unavailable = RedisFailures.unavailable(storeAddress, e);
        return unavailable.isPresent() ? unavailable.get() : e;
    }
}
