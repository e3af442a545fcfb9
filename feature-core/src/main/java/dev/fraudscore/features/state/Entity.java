package dev.fraudscore.features.state;

import dev.fraudscore.features.FeatureTransaction;

/** Whose state an aggregate keeps: the card's own, or the merchant's, shared by every card that pays there. */
public enum Entity {
    CARD,
    MERCHANT;

    /** The key of this entity in {@code tx}. */
    public String keyOf(FeatureTransaction tx) {
        return this == CARD ? tx.cardKey() : tx.merchantKey();
    }
}
