package dev.fraudscore.simulator;

import dev.fraudscore.features.FeatureTransaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Writes labelled transactions as JSON Lines, one flat object per transaction. */
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
}
