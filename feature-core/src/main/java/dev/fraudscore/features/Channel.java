package dev.fraudscore.features;

/** How the card was presented. */
public enum Channel {
    ECOMMERCE, POS, ATM, MOTO
}
