package dev.fraudscore.simulator;

import dev.fraudscore.domain.Channel;

/**
 * A simulated merchant. Online merchants take {@link Channel#ECOMMERCE} (or {@link Channel#MOTO})
 * payments, ATMs take withdrawals, the others take card-present payments.
 */
public record Merchant(String key, String categoryCode, String country, double lat, double lon, Channel channel) {

    public boolean online() {
        return channel == Channel.ECOMMERCE || channel == Channel.MOTO;
    }
}
