package dev.fraudscore.featureservice.store;

/**
 * Reads the unsigned varints the observe scripts pack (7 bits a byte, low first, the high bit set on all but the
 * last byte of a number), one after the other.
 */
final class Varints {

    private final byte[] bytes;
    private final String what;
    private int at;

    /** @param what the packed value, in words, for the error, e.g. {@code packed history} */
    Varints(byte[] bytes, int offset, String what) {
        this.bytes = bytes;
        this.at = offset;
        this.what = what;
    }

    long next() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at >= bytes.length) {
                throw new IllegalStateException("the " + what + " ends inside a number");
            }
            int b = bytes[at++] & 0xFF;
            value |= (long) (b & 0x7F) << shift;
            if (b < 0x80) {
                return value;
            }
        }
        throw new IllegalStateException("the " + what + " holds a number longer than 64 bits");
    }

    /** @throws IllegalStateException when bytes are left after the last number read */
    void requireEnd() {
        if (at != bytes.length) {
            throw new IllegalStateException("the " + what + " has " + (bytes.length - at) + " bytes too many");
        }
    }
}
