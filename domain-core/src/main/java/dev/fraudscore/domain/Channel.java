package dev.fraudscore.domain;

/** How the card was presented. */
public enum Channel {
    ECOMMERCE, POS, ATM, MOTO
}
