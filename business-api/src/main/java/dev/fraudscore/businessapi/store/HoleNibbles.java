package dev.fraudscore.businessapi.store;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The holes of a skeleton, half a byte a character: digits 0 to 9, {@code A} the decimal point, {@code F} the
 * end of a number (and the padding of a last odd half). A number already written among the last fifteen is
 * written as {@code B} and how far back it is: a score reason's weight repeats the score.
 */
final class HoleNibbles {

    private static final int POINT = 0xA;
    private static final int REPEAT = 0xB;
    private static final int END = 0xF;
    private static final int REACH = 15;

    private HoleNibbles() {
    }

    static byte[] pack(List<String> holes) {
        Nibbles out = new Nibbles();
        for (int i = 0; i < holes.size(); i++) {
            String hole = holes.get(i);
            int back = hole.length() > 1 ? distanceToSame(holes, i) : 0;
            if (back > 0) {
                out.add(REPEAT);
                out.add(back);
                continue;
            }
            for (int c = 0; c < hole.length(); c++) {
                out.add(nibble(hole.charAt(c)));
            }
            out.add(END);
        }
        return out.bytes();
    }

    /**
     * @throws IllegalArgumentException when the bytes from {@code offset} are not exactly {@code count} numbers
     */
    static List<String> unpack(byte[] bytes, int offset, int count) {
        List<String> holes = new ArrayList<>(count);
        int half = offset * 2;
        int end = bytes.length * 2;
        StringBuilder hole = new StringBuilder();
        while (holes.size() < count) {
            if (half >= end) {
                throw new IllegalArgumentException("The record ends after " + holes.size() + " of " + count + " numbers.");
            }
            int n = nibble(bytes, half++);
            if (n == REPEAT && hole.isEmpty() && half < end) {
                int back = nibble(bytes, half++);
                if (back < 1 || back > holes.size()) {
                    throw new IllegalArgumentException("The record repeats a number " + back + " back of " + holes.size() + ".");
                }
                holes.add(holes.get(holes.size() - back));
            } else if (n == END && !hole.isEmpty()) {
                holes.add(hole.toString());
                hole.setLength(0);
            } else if (n <= 9 || n == POINT) {
                hole.append(n == POINT ? '.' : (char) ('0' + n));
            } else {
                throw new IllegalArgumentException("The record holds " + Integer.toHexString(n) + " inside a number.");
            }
        }
        if (end - half > 1 || end - half == 1 && nibble(bytes, half) != END) {
            throw new IllegalArgumentException("The record goes on after its " + count + " numbers.");
        }
        return holes;
    }

    private static int distanceToSame(List<String> holes, int i) {
        for (int back = 1; back <= Math.min(REACH, i); back++) {
            if (holes.get(i - back).equals(holes.get(i))) {
                return back;
            }
        }
        return 0;
    }

    private static int nibble(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c == '.') {
            return POINT;
        }
        throw new IllegalArgumentException("A hole holds digits and a point only, not '" + c + "'.");
    }

    private static int nibble(byte[] bytes, int half) {
        int b = bytes[half / 2] & 0xFF;
        return half % 2 == 0 ? b >>> 4 : b & 0xF;
    }

    /** Half bytes, high half first. */
    private static final class Nibbles {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int pending = -1;

        void add(int nibble) {
            if (pending < 0) {
                pending = nibble;
            } else {
                bytes.write(pending << 4 | nibble);
                pending = -1;
            }
        }

        byte[] bytes() {
            if (pending >= 0) {
                add(END);
            }
            return bytes.toByteArray();
        }
    }
}
