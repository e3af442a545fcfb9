package dev.fraudscore.featureservice.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The observe scripts, each with {@code transaction-cache.lua} in front: Redis runs a script as one text, so what
 * they share (the transaction cache's read and write, varints) travels in each.
 */
final class StoreScripts {

    private static final String SHARED = text("scripts/transaction-cache.lua");

    private StoreScripts() {
    }

    /** The script at {@code path} (on the classpath) after the shared functions, replying raw bytes. */
    static RedisScript<byte[]> observing(String path) {
        return RedisScript.of(SHARED + text(path), byte[].class);
    }

    private static String text(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the script " + path + " is not on the classpath", e);
        }
    }
}
