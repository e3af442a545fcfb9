package dev.fraudscore.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How numbers appear in reason texts: short, without float noise ("0.93", not "0.9300000071525574"). */
public final class ReasonNumbers {

    private ReasonNumbers() {
    }

    /** A probability or threshold: two to four decimals, so 0.5 reads "0.50" and 0.8501 keeps its digits. */
    public static String probability(float value) {
        BigDecimal d = decimal(value, 4);
        return d.scale() < 2 ? d.setScale(2, RoundingMode.UNNECESSARY).toPlainString() : d.toPlainString();
    }

    /** A feature value or rule value: at most two decimals, whole numbers without any ("7", "5.23"). */
    public static String plain(float value) {
        BigDecimal d = decimal(value, 2);
        return d.scale() < 0 ? d.setScale(0, RoundingMode.UNNECESSARY).toPlainString() : d.toPlainString();
    }

    private static BigDecimal decimal(float value, int maxDecimals) {
        // Float.toString gives the shortest decimal that round-trips, so 0.93f stays 0.93
        return new BigDecimal(Float.toString(value)).setScale(maxDecimals, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
