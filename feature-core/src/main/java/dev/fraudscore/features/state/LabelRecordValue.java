package dev.fraudscore.features.state;

/**
 * A label record as one string, the value of its transaction's field in a label bucket ({@link StateLayout}):
 *
 * <pre>
 * millis|card|merchant               before a label (millis in base 36, lower case)
 * Lreported|millis|card|merchant     once labelled: L is F or G ({@link StateLayout#labelCode}), reported in base 36
 * </pre>
 *
 * The card escapes {@code \} and {@code |} with a backslash; the merchant, last, needs no escape. A label makes the
 * value start with an upper-case letter, which base 36 in lower case never does: that is all record-label.lua reads.
 * With a 20-character card and a 10-character merchant a labelled value is about 50 bytes, under Redis's 64 of a
 * compact hash.
 */
final class LabelRecordValue {

    private static final char SEPARATOR = '|';
    private static final char ESCAPE = '\\';

    private LabelRecordValue() {
    }

    static String of(TransactionRecord record) {
        StringBuilder value = new StringBuilder(64);
        if (record.label() != null) {
            value.append(StateLayout.labelCode(record.label())).append(Long.toString(record.reportedAtMillis(), 36))
                    .append(SEPARATOR);
        }
        value.append(Long.toString(record.millis(), 36)).append(SEPARATOR);
        for (int i = 0; i < record.cardKey().length(); i++) {
            char c = record.cardKey().charAt(i);
            if (c == SEPARATOR || c == ESCAPE) {
                value.append(ESCAPE);
            }
            value.append(c);
        }
        return value.append(SEPARATOR).append(record.merchantKey()).toString();
    }

    static TransactionRecord parse(String value) {
        int at = 0;
        FraudLabel label = null;
        long reported = 0;
        char first = value.isEmpty() ? ' ' : value.charAt(0);
        if (first == 'F' || first == 'G') {
            label = first == 'F' ? FraudLabel.FRAUD : FraudLabel.GENUINE;
            int end = separator(value, 1);
            reported = Long.parseLong(value, 1, end, 36);
            at = end + 1;
        }
        int end = separator(value, at);
        long millis = Long.parseLong(value, at, end, 36);
        StringBuilder card = new StringBuilder();
        int i = end + 1;
        for (; i < value.length() && value.charAt(i) != SEPARATOR; i++) {
            if (value.charAt(i) == ESCAPE && i + 1 < value.length()) {
                i++;
            }
            card.append(value.charAt(i));
        }
        if (i >= value.length()) {
            throw new IllegalArgumentException("not a label record: '" + value + "'");
        }
        return new TransactionRecord(card.toString(), value.substring(i + 1), millis, label, reported);
    }

    private static int separator(String value, int from) {
        int at = value.indexOf(SEPARATOR, from);
        if (at < 0) {
            throw new IllegalArgumentException("not a label record: '" + value + "'");
        }
        return at;
    }
}
