package dev.fraudscore.featureservice.store;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * One script invocation, prepared but not sent: its keys and arguments, and how its reply is read. A store sends
 * one on its own; {@link PipelinedScripts} sends several in one round trip.
 *
 * @param reply reads the script's raw reply (a bulk string)
 */
record ScriptCall<R>(RedisScript<?> script, List<String> keys, List<String> args, Function<byte[], R> reply) {

    ScriptCall {
        keys = List.copyOf(keys);
        args = List.copyOf(args);
    }

    byte[][] keyBytes() {
        return bytes(keys);
    }

    byte[][] argBytes() {
        return bytes(args);
    }

    private static byte[][] bytes(List<String> texts) {
        byte[][] bytes = new byte[texts.size()][];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = texts.get(i).getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }
}
