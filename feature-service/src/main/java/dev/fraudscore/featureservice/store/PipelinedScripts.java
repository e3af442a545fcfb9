package dev.fraudscore.featureservice.store;

import dev.fraudscore.support.concurrent.FutureFailures;
import dev.fraudscore.support.redis.OffLoopConnection;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceExceptionConverter;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Sends several prepared scripts in one round trip: their EVALSHAs are written together on Lettuce's one shared
 * connection and their replies awaited together (a pipeline). Each keeps its own reply, so a script Redis does
 * not know yet (after a restart or a {@code SCRIPT FLUSH}) is sent again on its own, which loads it, while the
 * others' replies stand: nothing runs twice.
 *
 * <p>{@link #executeAsync} never blocks: the replies complete on Lettuce's I/O thread, so a gRPC call can be
 * answered from there without a thread of its own waiting on Redis. {@link #execute} waits for the same. Nor does
 * it connect on the caller's thread: the shared connection is opened once, on a thread of its own, and kept (Lettuce
 * reconnects it in place). A call on the event loop that Lettuce shares with the gRPC server must not wait for a
 * connect that needs that same loop.
 */
final class PipelinedScripts {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);
    private static final LettuceExceptionConverter LETTUCE = new LettuceExceptionConverter();

    private final StringRedisTemplate redis;
    private final String storeAddress;
    private final Duration timeout;
    // the shared connection's commands once opened; a failed opening is tried again by the next call
    private final OffLoopConnection<RedisClusterAsyncCommands<byte[], byte[]>> connection;

    PipelinedScripts(StringRedisTemplate redis, String storeAddress) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.storeAddress = Objects.requireNonNull(storeAddress, "storeAddress");
        this.connection = new OffLoopConnection<>("feature-service's Redis connection", () -> redis.execute(
                (RedisCallback<RedisClusterAsyncCommands<byte[], byte[]>>) c -> asyncCommands(c.getNativeConnection())),
                Duration.ZERO);
        // the command timeout of the template's client (spring.data.redis.timeout), which a single call gets too
        this.timeout = redis.getConnectionFactory() instanceof LettuceConnectionFactory lettuce && lettuce.getTimeout() > 0
                ? Duration.ofMillis(lettuce.getTimeout()) : DEFAULT_TIMEOUT;
    }

    /** @return each call's reply, read by the call, in order */
    List<Object> execute(List<ScriptCall<?>> calls) {
        try {
            // the future times out on its own; the extra second only guards against a timer that never fires
            return executeAsync(calls).get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw translated(new QueryTimeoutException("Redis did not answer the pipelined scripts within " + timeout, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw translated(new QueryTimeoutException("interrupted while waiting for Redis", e));
        }
    }

    /**
     * Sends the calls and returns at once.
     *
     * @return each call's reply, read by the call, in order; or the failure the blocking {@link #execute} throws
     */
    CompletableFuture<List<Object>> executeAsync(List<ScriptCall<?>> calls) {
        CompletableFuture<RedisClusterAsyncCommands<byte[], byte[]>> opened = connection.get();
        if (opened.isDone() && !opened.isCompletedExceptionally()) {
            return send(opened.join(), calls);
        }
        return opened.handle((async, failure) -> failure == null ? send(async, calls)
                : CompletableFuture.<List<Object>>failedFuture(failure(failure))).thenCompose(Function.identity());
    }

    private CompletableFuture<List<Object>> send(RedisClusterAsyncCommands<byte[], byte[]> async,
            List<ScriptCall<?>> calls) {
        List<CompletableFuture<Object>> replies = new ArrayList<>(calls.size());
        try {
            for (ScriptCall<?> call : calls) {
                replies.add(reply(async, call, async.<byte[]>evalsha(call.script().getSha1(), ScriptOutputType.VALUE,
                        call.keyBytes(), call.argBytes()).toCompletableFuture()));
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(failure(e));
        }
        // no orTimeout here: each command already fails after the client's command timeout (Spring Boot enables
        // Lettuce's TimeoutOptions with spring.data.redis.timeout), on Lettuce's wheel timer, where orTimeout would
        // schedule and cancel a task on the JDK's delay scheduler for every call, a thread wake-up each (JDK 25)
        return CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new))
                .handle((done, failure) -> {
                    if (failure != null) {
                        throw new CompletionException(failure(failure));
                    }
                    return replies.stream().map(CompletableFuture::join).toList();
                });
    }

    @SuppressWarnings("unchecked")
    private static RedisClusterAsyncCommands<byte[], byte[]> asyncCommands(Object nativeConnection) {
        return (RedisClusterAsyncCommands<byte[], byte[]>) nativeConnection;
    }

    /** The call's reply read; a script Redis does not know yet sent again as EVAL of its body, which loads it. */
    private static CompletableFuture<Object> reply(RedisClusterAsyncCommands<byte[], byte[]> async, ScriptCall<?> call,
            CompletableFuture<byte[]> sent) {
        return sent.handle((bytes, failure) -> failure)
                .thenCompose(failure -> {
                    if (failure == null) {
                        return sent;
                    }
                    if (FutureFailures.cause(failure) instanceof RedisNoScriptException) {
                        // one more round trip, once per restart
                        byte[] body = call.script().getScriptAsString().getBytes(StandardCharsets.UTF_8);
                        return async.<byte[]>eval(body, ScriptOutputType.VALUE, call.keyBytes(), call.argBytes())
                                .toCompletableFuture();
                    }
                    return CompletableFuture.failedFuture(FutureFailures.cause(failure));
                })
                .thenApply(bytes -> call.reply().apply(bytes));
    }

    /** What the caller gets for a failure: Redis cannot serve now ({@code FeatureStoreUnavailableException}), or the error. */
    private RuntimeException failure(Throwable thrown) {
        Throwable cause = FutureFailures.cause(thrown);
        if (cause instanceof DataAccessException dataAccess) {
            return translated(dataAccess);
        }
        if (cause instanceof RedisException lettuce) {
            DataAccessException converted = LETTUCE.convert(lettuce);
            return translated(converted != null ? converted
                    : new RedisSystemException(String.valueOf(lettuce.getMessage()), lettuce));
        }
        // our own error, e.g. reading a reply: as it is
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    /** Redis cannot serve now ({@code FeatureStoreUnavailableException}), else {@code e} itself. */
    private RuntimeException translated(DataAccessException e) {
        Optional<? extends RuntimeException> unavailable = RedisFailures.unavailable(storeAddress, e);
        return unavailable.isPresent() ? unavailable.get() : e;
    }
}
