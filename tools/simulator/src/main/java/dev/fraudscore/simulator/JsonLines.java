package dev.fraudscore.simulator;

import dev.fraudscore.features.FeatureTransaction;
import dev.fraudscore.domain.Channel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Labelled transactions as JSON Lines, one flat object per transaction: the simulator's output format. */
public final class JsonLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonLines() {
    }

    public static Map<String, Object> toMap(LabelledTransaction t) {
        FeatureTransaction tx = t.transaction();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transactionId", tx.transactionId());
        m.put("occurredAt", tx.occurredAt().toString());
        m.put("amountMinor", tx.amountMinor());
        m.put("currency", "EUR");
        m.put("cardKey", tx.cardKey());
        m.put("customerId", t.customerId());
        m.put("cardCountry", tx.cardCountry());
        m.put("merchantKey", tx.merchantKey());
        m.put("merchantCategoryCode", tx.merchantCategoryCode());
        m.put("merchantCountry", tx.merchantCountry());
        m.put("channel", tx.channel().name());
        m.put("lat", t.lat());
        m.put("lon", t.lon());
        m.put("label", t.label());
        m.put("pattern", t.pattern().label());
        return m;
    }

    public static void write(Iterable<LabelledTransaction> transactions, Writer out) {
        try {
            for (LabelledTransaction t : transactions) {
                out.write(JSON.writeValueAsString(toMap(t)));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the transactions: " + e.getMessage(), e);
        }
    }

    /**
     * Reads what {@link #write} wrote, in time order.
     *
     * @param source how errors name the input, e.g. the file name
     * @throws IllegalArgumentException naming the line and field of the first bad value, or the first line whose time
     *     is before its predecessor's
     */
    public static List<LabelledTransaction> read(BufferedReader in, String source) {
        List<LabelledTransaction> out = new ArrayList<>();
        Instant previous = Instant.MIN;
        int lineNumber = 0;
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String where = source + " line " + lineNumber;
                LabelledTransaction t = fromJson(line, where);
                if (t.transaction().occurredAt().isBefore(previous)) {
                    throw new IllegalArgumentException(where + ", field occurredAt: " + t.transaction().occurredAt()
                            + " is before the previous line's " + previous + "; the history must be sorted by time");
                }
                previous = t.transaction().occurredAt();
                out.add(t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static LabelledTransaction fromJson(String line, String where) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(where + ": not a JSON object: " + e.getOriginalMessage(), e);
        }
        Instant at;
        try {
            at = Instant.parse(field(n, where, "occurredAt"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ", field occurredAt: not an RFC 3339 instant", e);
        }
        FeatureTransaction tx = new FeatureTransaction(field(n, where, "transactionId"), at,
                number(n, where, "amountMinor"), field(n, where, "cardKey"), field(n, where, "cardCountry"),
                field(n, where, "merchantKey"), field(n, where, "merchantCategoryCode"),
                field(n, where, "merchantCountry"), named(Channel.values(), n, where, "channel", Channel::name));
        FraudPattern pattern = named(FraudPattern.values(), n, where, "pattern", FraudPattern::label);
        if (number(n, where, "label") != (pattern.isFraud() ? 1 : 0)) {
            throw new IllegalArgumentException(where + ", field label: contradicts pattern " + pattern.label());
        }
        return new LabelledTransaction(tx, field(n, where, "customerId"), pattern,
                n.path("lat").asDouble(0), n.path("lon").asDouble(0));
    }

    private static String field(JsonNode n, String where, String name) {
        JsonNode v = n.get(name);
        if (v == null || !v.isValueNode() || v.asString().isEmpty()) {
            throw new IllegalArgumentException(where + ", field " + name + ": missing or empty");
        }
        return v.asString();
    }

    private static long number(JsonNode n, String where, String name) {
        JsonNode v = n.get(name);
        if (v == null || !v.isIntegralNumber() || v.asLong() < 0) {
            throw new IllegalArgumentException(where + ", field " + name + ": missing or not a non-negative integer");
        }
        return v.asLong();
    }

    private static <E> E named(E[] values, JsonNode n, String where, String name,
            Function<E, String> label) {
        String value = field(n, where, name);
        return Arrays.stream(values).filter(e -> label.apply(e).equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(where + ", field " + name + ": unknown value '"
                        + value + "'; known: " + Arrays.stream(values).map(label).toList()));
    }
}
