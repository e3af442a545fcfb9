package dev.fraudscore.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The payments an open-loop load sends: a new transaction id for every request (so nothing is answered from the
 * idempotency store) on one of {@code cards} cards, everyday amounts and merchants, occurring now. One instance
 * is used by one thread (the sender).
 */
final class SyntheticPayments {

    static final List<String> CHANNELS = List.of("ECOMMERCE", "POS", "POS", "ECOMMERCE", "MOTO");

    private final String runId;
    private final int cards;
    private final Clock clock;
    private final SplittableRandom random;

    /** @param runId makes the transaction ids of this run unlike any earlier run's (they are kept for a day) */
    SyntheticPayments(String runId, int cards, Clock clock, long seed) {
        if (cards < 1) {
            throw new IllegalArgumentException("at least one card is needed, not " + cards);
        }
        if (!runId.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("a run id is 1-40 of [A-Za-z0-9_-], not '" + runId + "'");
        }
        this.runId = runId;
        this.cards = cards;
        this.clock = clock;
        this.random = new SplittableRandom(seed);
    }

    /** A payment of the public API's business domain; the ids follow the API's patterns. */
    record Payment(String transactionId, Instant occurredAt, long amountCents, String cardToken, String customerId,
            String merchantId, String categoryCode, String channel) {

        String amount() {
            return String.format(Locale.ROOT, "%d.%02d", amountCents / 100, amountCents % 100);
        }

        /** The body of {@code POST /fraud-score}. */
        String json() {
            return "{\"transactionId\":\"" + transactionId + "\",\"occurredAt\":\"" + occurredAt
                    + "\",\"amount\":{\"value\":\"" + amount() + "\",\"currency\":\"EUR\"},"
                    + "\"card\":{\"token\":\"" + cardToken + "\",\"bin\":\"424242\",\"country\":\"FR\"},"
                    + "\"customer\":{\"id\":\"" + customerId + "\"},"
                    + "\"merchant\":{\"id\":\"" + merchantId + "\",\"categoryCode\":\"" + categoryCode
                    + "\",\"country\":\"FR\"},\"channel\":\"" + channel + "\"}";
        }
    }

    /** Payment {@code n} of this run. */
    Payment next(long n) {
        String card = String.format(Locale.ROOT, "tok_bench_%05d", random.nextInt(cards));
        return new Payment(runId + "-" + n, clock.instant().truncatedTo(ChronoUnit.SECONDS),
                100 + random.nextLong(30_000), card, "c-" + card, "m-" + (1 + random.nextInt(500)), "5411",
                CHANNELS.get(random.nextInt(CHANNELS.size())));
    }
}
