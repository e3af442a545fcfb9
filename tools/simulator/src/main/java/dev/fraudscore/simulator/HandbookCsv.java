package dev.fraudscore.simulator;

import dev.fraudscore.domain.Channel;
import dev.fraudscore.features.FeatureTransaction;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The Fraud Detection Handbook's transaction table as CSV: {@code TRANSACTION_ID, TX_DATETIME, CUSTOMER_ID,
 * TERMINAL_ID, TX_AMOUNT, TX_FRAUD} (required, any order, other columns ignored; {@code TX_FRAUD_SCENARIO} is read
 * when present).
 *
 * <p>The table knows less than our domain, so reading fills in fixed defaults: a customer is both the card and the
 * cardholder, a terminal is the merchant, amounts are EUR, times are UTC, every payment is {@link #CHANNEL} at a
 * merchant in {@link #COUNTRY} with a card from {@link #COUNTRY} (never cross-border), merchant category
 * {@link #MERCHANT_CATEGORY}.
 */
public final class HandbookCsv {

    public static final Channel CHANNEL = Channel.POS;
    public static final String COUNTRY = "BE";
    public static final String MERCHANT_CATEGORY = "5999";
    public static final List<String> REQUIRED =
            List.of("TRANSACTION_ID", "TX_DATETIME", "CUSTOMER_ID", "TERMINAL_ID", "TX_AMOUNT", "TX_FRAUD");
    static final List<String> WRITTEN = List.of("TRANSACTION_ID", "TX_DATETIME", "CUSTOMER_ID", "TERMINAL_ID",
            "TX_AMOUNT", "TX_TIME_SECONDS", "TX_TIME_DAYS", "TX_FRAUD", "TX_FRAUD_SCENARIO");
    private static final String SCENARIO = "TX_FRAUD_SCENARIO";
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private HandbookCsv() {
    }

    /**
     * Reads a labelled history in time order.
     *
     * @param source how errors name the input, e.g. the file name
     * @throws IllegalArgumentException naming the row and field of the first bad value, a missing column, or the first
     *     row whose time is before its predecessor's
     */
    public static List<LabelledTransaction> read(Reader in, String source) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(in, format)) {
            Rows rows = new Rows(source, parser.getHeaderNames());
            List<LabelledTransaction> out = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (!record.isConsistent()) {
                    throw new IllegalArgumentException(source + " row " + record.getRecordNumber() + ": "
                            + record.size() + " fields where the header has " + parser.getHeaderNames().size());
                }
                out.add(rows.next(record.getRecordNumber(), record::get));
            }
            return out;
        } catch (CSVException e) {
            throw notCsv(source, e);
        } catch (UncheckedIOException e) {
            // past the header, Commons CSV reports malformed CSV (a stray quote, a JSON line) this way
            throw e.getCause() instanceof CSVException bad ? notCsv(source, bad) : e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * The Handbook layout's rules, row by row, for any source of named text values (a CSV record, a Parquet row
     * cast to text): the required columns, each value, and time order.
     */
    public static final class Rows {

        private final String source;
        private final boolean scenarios;
        private Instant previous = Instant.MIN;

        /** @throws IllegalArgumentException naming the required columns {@code columns} lacks */
        public Rows(String source, Collection<String> columns) {
            this.source = source;
            List<String> missing = REQUIRED.stream().filter(c -> !columns.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(source + ": missing column(s) " + missing + "; the Handbook layout"
                        + " needs " + REQUIRED + ", found " + List.copyOf(columns));
            }
            this.scenarios = columns.contains(SCENARIO);
        }

        /**
         * The transaction of row {@code row} (1 for the first after the header).
         *
         * @param column a column's value, null or empty when absent
         * @throws IllegalArgumentException naming the row and field of a bad value, or the row whose time is before
         *     its predecessor's
         */
        public LabelledTransaction next(long row, Function<String, String> column) {
            LabelledTransaction t = row(column, new Where(source, row));
            if (t.transaction().occurredAt().isBefore(previous)) {
                throw new IllegalArgumentException(new Where(source, row).of("TX_DATETIME") + ": "
                        + t.transaction().occurredAt() + " is before the previous row's " + previous
                        + "; the history must be sorted by time");
            }
            previous = t.transaction().occurredAt();
            return t;
        }

        private LabelledTransaction row(Function<String, String> r, Where where) {
            String id = text(r, where, "TRANSACTION_ID");
            String customer = text(r, where, "CUSTOMER_ID");
            String terminal = text(r, where, "TERMINAL_ID");
            Instant at = instant(r, where);
            long amountMinor = amountMinor(r, where);
            int fraud = integer(r, where, "TX_FRAUD", 0, 1);
            int scenario = scenarios && fraud == 1 ? integer(r, where, SCENARIO, 0, 3) : 0;
            FeatureTransaction tx = new FeatureTransaction(id, at, amountMinor, customer, COUNTRY, terminal,
                    MERCHANT_CATEGORY, COUNTRY, CHANNEL);
            return new LabelledTransaction(tx, customer, pattern(fraud, scenario), 0, 0);
        }
    }

    private record Where(String source, long row) {
        String of(String column) {
            return source + " row " + row + ", field " + column;
        }
    }

    private static IllegalArgumentException notCsv(String source, CSVException e) {
        return new IllegalArgumentException(source + ": not CSV in the Handbook layout (is --input-format right?): "
                + e.getMessage(), e);
    }

    private static FraudPattern pattern(int fraud, int scenario) {
        if (fraud == 0) {
            return FraudPattern.NONE;
        }
        return switch (scenario) {
            case 1 -> FraudPattern.HANDBOOK_LARGE_AMOUNT;
            case 2 -> FraudPattern.HANDBOOK_COMPROMISED_TERMINAL;
            case 3 -> FraudPattern.HANDBOOK_COMPROMISED_CUSTOMER;
            default -> FraudPattern.REPORTED;
        };
    }

    private static int scenario(FraudPattern p) {
        return switch (p) {
            case NONE -> 0;
            case HANDBOOK_LARGE_AMOUNT -> 1;
            case HANDBOOK_COMPROMISED_TERMINAL -> 2;
            case HANDBOOK_COMPROMISED_CUSTOMER -> 3;
            default -> 0;
        };
    }

    private static String text(Function<String, String> r, Where where, String column) {
        String value = r.apply(column);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(where.of(column) + ": empty");
        }
        return value;
    }

    private static Instant instant(Function<String, String> r, Where where) {
        String value = text(r, where, "TX_DATETIME");
        try {
            return LocalDateTime.parse(value.replace('T', ' '), DATETIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where.of("TX_DATETIME") + ": '" + value
                    + "' is not a time like 2018-04-01 00:00:31", e);
        }
    }

    private static long amountMinor(Function<String, String> r, Where where) {
        String value = text(r, where, "TX_AMOUNT");
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() < 0) {
                throw new IllegalArgumentException(where.of("TX_AMOUNT") + ": negative amount " + value);
            }
            return amount.setScale(2, RoundingMode.HALF_EVEN).movePointRight(2).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(where.of("TX_AMOUNT") + ": '" + value
                    + "' is not an amount in EUR like 57.16", e);
        }
    }

    private static int integer(Function<String, String> r, Where where, String column, int min, int max) {
        String value = text(r, where, column);
        try {
            int v = Integer.parseInt(value);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // the sentence below says what was expected
        }
        throw new IllegalArgumentException(where.of(column) + ": '" + value + "' is not an integer from "
                + min + " to " + max);
    }

    /** Writes the Handbook's columns, times counted from {@code start} as it does. */
    public static void write(List<LabelledTransaction> transactions, Instant start, Writer out) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(WRITTEN.toArray(String[]::new))
                .setRecordSeparator('\n').get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (LabelledTransaction t : transactions) {
                FeatureTransaction tx = t.transaction();
                long seconds = Duration.between(start, tx.occurredAt()).toSeconds();
                printer.printRecord(tx.transactionId(), DATETIME.format(tx.occurredAt().atOffset(ZoneOffset.UTC)),
                        t.customerId(), tx.merchantKey(), BigDecimal.valueOf(tx.amountMinor(), 2).toPlainString(),
                        seconds, Math.floorDiv(seconds, 86_400), t.label(), scenario(t.pattern()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the transactions: " + e.getMessage(), e);
        }
    }
}
