package dev.fraudscore.batch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Rows shipped from the driver to the Spark tasks as packed bytes, a chunk per slice: Java serialization of a
 * million small objects in one task (what {@code parallelize} of the rows does) cost more CPU than the whole
 * replay, as it tracks every object it wrote.
 */
final class HistoryChunks {

    private HistoryChunks() {
    }

    /** {@code rows} in at most {@code chunks} chunks, in order. */
    static List<byte[]> pack(List<HistoryRow> rows, int chunks) {
        int size = Math.max(1, (rows.size() + chunks - 1) / chunks);
        List<byte[]> out = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += size) {
            out.add(pack(rows.subList(from, Math.min(rows.size(), from + size))));
        }
        return out;
    }

    private static byte[] pack(List<HistoryRow> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(rows.size() * 48);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(rows.size());
            for (HistoryRow r : rows) {
                out.writeLong(r.seq());
                out.writeUTF(r.transactionId());
                out.writeLong(r.millis());
                out.writeLong(r.amountMinor());
                out.writeUTF(r.cardKey());
                out.writeUTF(r.merchantKey());
                out.writeLong(r.reportedAtMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Iterator<HistoryRow> unpack(byte[] chunk) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(chunk))) {
            int n = in.readInt();
            List<HistoryRow> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                rows.add(new HistoryRow(in.readLong(), in.readUTF(), in.readLong(), in.readLong(), in.readUTF(),
                        in.readUTF(), in.readLong()));
            }
            return rows.iterator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
