package dev.fraudscore.support.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The callers we know, each identified by the SHA-256 of its API key. Only hashes are held, so a
 * leaked configuration does not leak usable keys.
 */
public final class ApiKeyRegistry {

    private final List<Caller> callers;

    public ApiKeyRegistry(List<Caller> callers) {
        Objects.requireNonNull(callers, "callers");
        List<Caller> copy = new ArrayList<>();
        for (Caller caller : callers) {
            for (Caller known : copy) {
                if (MessageDigest.isEqual(known.keySha256, caller.keySha256)) {
                    throw new IllegalArgumentException("API keys '" + known.name + "' and '" + caller.name
                            + "' have the same hash; give every caller its own key");
                }
            }
            copy.add(caller);
        }
        this.callers = List.copyOf(copy);
    }

    /** The name of the caller that owns this key, or empty when no configured key matches. */
    public Optional<String> callerFor(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] presentedHash = sha256(presentedKey);
        String match = null;
        // Compare against every entry, whatever matched earlier, so timing says nothing about which key is near.
        for (Caller caller : callers) {
            if (MessageDigest.isEqual(caller.keySha256, presentedHash) && match == null) {
                match = caller.name;
            }
        }
        return Optional.ofNullable(match);
    }

    public int size() {
        return callers.size();
    }

    /** Lower-case hex of the SHA-256 of the key's UTF-8 bytes, the form operators put in the configuration. */
    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** A named caller and the SHA-256 of its key. */
    public static final class Caller {
        private final String name;
        private final byte[] keySha256;

        private Caller(String name, byte[] keySha256) {
            this.name = name;
            this.keySha256 = keySha256;
        }

        /** @param sha256Hex 64 hex digits, either case */
        public static Caller ofHash(String name, String sha256Hex) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("an API key needs a caller name");
            }
            if (sha256Hex == null || sha256Hex.length() != 64) {
                throw new IllegalArgumentException("API key '" + name + "' needs a sha256 of 64 hex digits");
            }
            try {
                return new Caller(name, HexFormat.of().parseHex(sha256Hex.toLowerCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("API key '" + name + "' has a sha256 that is not hex", e);
            }
        }

        public String name() {
            return name;
        }
    }
}
