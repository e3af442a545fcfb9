package dev.fraudscore.businessapi.domain;

/**
 * Entity keys of the data domain. For now a key is the caller's id unchanged: the card key is the
 * card token, the customer key the customer id, the merchant key the merchant id, the device key the
 * device id. Feature-service namespaces its Redis keys itself (per feature set and entity kind), so a
 * prefix here would only repeat that. Keeping this in one class leaves room for a scheme that mixes in
 * the caller (tenant) once the gateway forwards it.
 */
public final class EntityKeys {

    private EntityKeys() {
    }

    public static String card(String token) {
        return token;
    }

    public static String customer(String customerId) {
        return customerId;
    }

    public static String merchant(String merchantId) {
        return merchantId;
    }

    /** @return the device key, or {@code null} without a device id */
    public static String device(String deviceId) {
        return deviceId;
    }
}
