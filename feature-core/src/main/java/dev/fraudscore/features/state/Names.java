package dev.fraudscore.features.state;

import java.util.regex.Pattern;

/** Aggregate names are parts of Redis keys and field names: short, lower-case letters and digits. */
final class Names {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{0,7}");

    private Names() {
    }

    static void require(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an aggregate name is 1-8 lower-case letters or digits, starting with"
                    + " a letter; it was '" + name + "'");
        }
    }
}
