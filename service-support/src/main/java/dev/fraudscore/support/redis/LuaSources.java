package dev.fraudscore.support.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Lua scripts kept as classpath resources. Redis runs a script as one text, so a piece several scripts share (a lookup,
 * a codec) is put in front of each: {@link #joined} reads the pieces in order and joins them with newlines.
 */
public final class LuaSources {

    private LuaSources() {
    }

    /**
     * @param paths classpath resources, e.g. {@code scripts/transaction-cache.lua}, in the order Redis should read them
     * @return their texts, one after the other
     */
    public static String joined(String... paths) {
        List<String> texts = new ArrayList<>(paths.length);
        for (String path : paths) {
            try (InputStream in = LuaSources.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("The script " + path + " is not on the classpath.");
                }
                texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("The script " + path + " could not be read.", e);
            }
        }
        return String.join("\n", texts);
    }
}
