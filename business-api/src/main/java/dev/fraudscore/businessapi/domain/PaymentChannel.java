package dev.fraudscore.businessapi.domain;

/** How the card was presented, as the public API names it. */
public enum PaymentChannel {
    ECOMMERCE, POS, ATM, MOTO
}
