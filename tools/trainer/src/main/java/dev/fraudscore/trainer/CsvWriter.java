package dev.fraudscore.trainer;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;

/**
 * Rows of RFC 4180 CSV: comma-separated, {@code \n} line ends, a field quoted only when it holds a comma,
 * a quote or a line break. Enough for numbers and ids; no library needed.
 */
final class CsvWriter implements Closeable {

    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
    }

    void row(String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(fields[i]));
        }
        out.write('\n');
    }

    static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
