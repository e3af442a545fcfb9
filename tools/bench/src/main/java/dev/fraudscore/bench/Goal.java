package dev.fraudscore.bench;

/**
 * A target of the issue and whether this measurement meets it.
 *
 * @param goal     the target, in words ("p50 overhead <= 150 us")
 * @param measured what was measured, in words
 */
record Goal(String goal, String measured, boolean met) {

    String describe() {
        return (met ? "MET     " : "NOT MET ") + goal + ": " + measured;
    }
}
