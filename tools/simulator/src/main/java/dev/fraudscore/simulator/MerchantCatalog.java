package dev.fraudscore.simulator;

import dev.fraudscore.domain.Channel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/** The simulated merchants: shops and ATMs per country, and online merchants. */
final class MerchantCatalog {

    private static final String[] SHOP_MCC = {"5411", "5411", "5411", "5812", "5812", "5814", "5541", "5541",
        "5912", "5651", "5651", "5311", "5732", "5944"};
    private static final String[] ONLINE_MCC = {"5999", "5999", "5999", "5815", "5816", "4899", "5311", "4121", "5732", "4722"};
    private static final String[] MOTO_MCC = {"5964", "4722"};

    private final Map<String, List<Merchant>> shops = new HashMap<>();
    private final Map<String, List<Merchant>> atms = new HashMap<>();
    private final List<Merchant> online = new ArrayList<>();
    private int counter;

    private MerchantCatalog() {
    }

    static MerchantCatalog build(int cards, RandomGenerator rnd) {
        MerchantCatalog catalog = new MerchantCatalog();
        int homeShops = Math.max(150, cards / 4);
        double homeWeight = Country.HOME.stream().mapToDouble(Country::weight).sum();
        for (Country c : Country.HOME) {
            int n = Math.max(15, (int) Math.round(homeShops * c.weight() / homeWeight));
            catalog.addPhysical(c, n, Math.max(4, n / 12), rnd);
        }
        for (Country c : Country.FAR) {
            catalog.addPhysical(c, 25, 5, rnd);
        }
        int onlineCount = Math.max(80, cards / 20);
        for (int i = 0; i < onlineCount; i++) {
            String country = Country.ONLINE.get(rnd.nextInt(Country.ONLINE.size()));
            boolean moto = rnd.nextDouble() < 0.08;
            String mcc = moto ? pick(MOTO_MCC, rnd) : pick(ONLINE_MCC, rnd);
            catalog.online.add(catalog.merchant(mcc, country, 0, 0, moto ? Channel.MOTO : Channel.ECOMMERCE));
        }
        return catalog;
    }

    private void addPhysical(Country c, int shopCount, int atmCount, RandomGenerator rnd) {
        List<Merchant> countryShops = new ArrayList<>(shopCount);
        for (int i = 0; i < shopCount; i++) {
            countryShops.add(merchant(pick(SHOP_MCC, rnd), c.code(), c.randomLat(rnd), c.randomLon(rnd), Channel.POS));
        }
        List<Merchant> countryAtms = new ArrayList<>(atmCount);
        for (int i = 0; i < atmCount; i++) {
            countryAtms.add(merchant("6011", c.code(), c.randomLat(rnd), c.randomLon(rnd), Channel.ATM));
        }
        shops.put(c.code(), countryShops);
        atms.put(c.code(), countryAtms);
    }

    private Merchant merchant(String mcc, String country, double lat, double lon, Channel channel) {
        String key = String.format("m-%s-%05d", country.toLowerCase(Locale.ROOT), counter++);
        return new Merchant(key, mcc, country, lat, lon, channel);
    }

    private static String pick(String[] values, RandomGenerator rnd) {
        return values[rnd.nextInt(values.length)];
    }

    List<Merchant> shops(String country) {
        return shops.get(country);
    }

    Merchant randomShop(String country, RandomGenerator rnd) {
        List<Merchant> list = shops.get(country);
        return list.get(rnd.nextInt(list.size()));
    }

    Merchant randomAtm(String country, RandomGenerator rnd) {
        List<Merchant> list = atms.get(country);
        return list.get(rnd.nextInt(list.size()));
    }

    Merchant randomOnline(RandomGenerator rnd) {
        return online.get(rnd.nextInt(online.size()));
    }

    /** An online merchant that takes e-commerce payments (not mail or telephone orders). */
    Merchant randomWebShop(RandomGenerator rnd) {
        Merchant m = randomOnline(rnd);
        while (m.channel() != Channel.ECOMMERCE) {
            m = randomOnline(rnd);
        }
        return m;
    }

    /** A merchant of digital goods or streaming: where subscriptions are billed. */
    Merchant randomDigital(RandomGenerator rnd) {
        Merchant m = randomOnline(rnd);
        while (!isDigital(m)) {
            m = randomOnline(rnd);
        }
        return m;
    }

    static boolean isDigital(Merchant m) {
        return switch (m.categoryCode()) {
            case "5815", "5816", "4899" -> true;
            default -> false;
        };
    }

    int size() {
        return counter;
    }
}
