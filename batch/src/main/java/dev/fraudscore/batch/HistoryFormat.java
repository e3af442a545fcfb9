package dev.fraudscore.batch;

import dev.fraudscore.simulator.HandbookCsv;
import dev.fraudscore.simulator.JsonLines;
import dev.fraudscore.simulator.LabelledTransaction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * The layouts a backfill reads ({@code --input-format}), with the trainer's readers and rules: the Handbook CSV and
 * the simulator's JSON Lines as the trainer reads them, Parquet with the Handbook's columns (read by Spark, each
 * row then checked by the same rules as a CSV row). Every layout must be sorted by time: a row before its
 * predecessor is refused, naming it, as the trainer refuses it (a history out of order is more likely a wrong
 * export than a wish, and the row order breaks ties of the same instant as online).
 */
public enum HistoryFormat {
    HANDBOOK,
    SIMULATOR,
    PARQUET;

    /**
     * Reads {@code file} in time order.
     *
     * @throws BackfillException naming the file, row and field of bad input
     */
    public List<LabelledTransaction> read(Path file, SparkSession spark) {
        try {
            List<LabelledTransaction> history = this == PARQUET ? parquet(file, spark) : text(file);
            if (history.isEmpty()) {
                throw new BackfillException(file + " holds no transactions");
            }
            return history;
        } catch (IllegalArgumentException e) {
            throw new BackfillException("bad input: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new BackfillException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private List<LabelledTransaction> text(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return this == HANDBOOK ? HandbookCsv.read(in, file.toString()) : JsonLines.read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Spark reads the file; the driver checks each row, in file order, as a CSV row of the same columns. */
    private static List<LabelledTransaction> parquet(Path file, SparkSession spark) {
        Dataset<Row> table = spark.read().parquet(file.toString());
        HandbookCsv.Rows rows = new HandbookCsv.Rows(file.toString(), Arrays.asList(table.columns()));
        Column[] asText = Arrays.stream(table.schema().fields()).map(HistoryFormat::asText).toArray(Column[]::new);
        List<String> names = Arrays.asList(table.columns());
        List<LabelledTransaction> out = new ArrayList<>();
        Iterator<Row> it = table.select(asText).toLocalIterator();
        long row = 0;
        while (it.hasNext()) {
            Row r = it.next();
            long at = ++row;
            out.add(rows.next(at, column -> {
                int i = names.indexOf(column);
                return i < 0 || r.isNullAt(i) ? null : r.getString(i);
            }));
        }
        return out;
    }

    /** A timestamp as the Handbook writes it (UTC), anything else as Spark writes it as text. */
    private static Column asText(StructField field) {
        Column c = functions.col(field.name());
        if (field.dataType().equals(DataTypes.TimestampType) || field.dataType().equals(DataTypes.TimestampNTZType)) {
            return functions.date_format(c, "yyyy-MM-dd HH:mm:ss").alias(field.name());
        }
        return c.cast(DataTypes.StringType).alias(field.name());
    }
}
