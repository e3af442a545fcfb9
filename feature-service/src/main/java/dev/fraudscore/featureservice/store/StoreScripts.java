package dev.fraudscore.featureservice.store;

import dev.fraudscore.support.redis.LuaSources;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The observe scripts, each with {@code transaction-cache.lua} in front: Redis runs a script as one text, so what
 * they share (the transaction cache's read and write, varints) travels in each.
 */
final class StoreScripts {

    private StoreScripts() {
    }

    /** The script at {@code path} (on the classpath) after the shared functions, replying raw bytes. */
    static RedisScript<byte[]> observing(String path) {
        return RedisScript.of(LuaSources.joined("scripts/transaction-cache.lua", path), byte[].class);
    }
}
