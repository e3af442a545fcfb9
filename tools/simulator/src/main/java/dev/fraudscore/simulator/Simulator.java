package dev.fraudscore.simulator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates labelled transactions: a population of cards paying at merchants over a number of days,
 * with fraud patterns injected. The output is sorted by time and depends only on the config.
 */
public final class Simulator {

    private Simulator() {
    }

    public static List<LabelledTransaction> generate(SimulationConfig config) {
        SplittableRandom root = new SplittableRandom(config.seed());
        MerchantCatalog catalog = MerchantCatalog.build(config.cards(), root.split());
        List<CardProfile> cards = Population.build(config, catalog, root.split());
        TransactionLog log = new TransactionLog(config.start(), config.end());
        NormalSpending normal = new NormalSpending(catalog, config.days());
        CardFraud fraud = new CardFraud(catalog, config.rates(), config.days());
        for (CardProfile card : cards) {
            // a stream of its own per card: a change in one card's draws does not shift every later card
            SplittableRandom rnd = root.split();
            normal.generate(card, rnd, log);
            fraud.inject(card, rnd, log);
        }
        CompromisedMerchants.inject(config, catalog, log, root.split());
        return log.sorted("tx-" + Long.toUnsignedString(config.seed(), 36));
    }
}
