package dev.fraudscore.simulator;

import java.util.List;
import java.util.random.RandomGenerator;

/** A country where cards live or merchants sit, with a rough centre and spread for locations. */
record Country(String code, double lat, double lon, double spread, double weight) {

    /** Where the simulated cardholders live (weights ~ share of cards). */
    static final List<Country> HOME = List.of(
            new Country("DE", 51.0, 10.4, 2.0, 0.28),
            new Country("FR", 46.6, 2.4, 2.5, 0.20),
            new Country("NL", 52.2, 5.3, 0.8, 0.10),
            new Country("ES", 40.3, -3.7, 2.5, 0.10),
            new Country("IT", 42.8, 12.5, 2.0, 0.10),
            new Country("BE", 50.6, 4.6, 0.6, 0.06),
            new Country("AT", 47.6, 14.1, 1.0, 0.06),
            new Country("PL", 52.1, 19.4, 2.0, 0.05),
            new Country("PT", 39.6, -8.0, 1.2, 0.05));

    /** Far away from every home country: where a geographic jump lands. */
    static final List<Country> FAR = List.of(
            new Country("US", 39.8, -98.6, 8.0, 0.30),
            new Country("BR", -14.2, -51.9, 6.0, 0.15),
            new Country("TH", 15.9, 100.9, 3.0, 0.15),
            new Country("MX", 23.6, -102.5, 5.0, 0.15),
            new Country("ZA", -30.6, 22.9, 4.0, 0.10),
            new Country("IN", 20.6, 78.9, 6.0, 0.15));

    /** Where online merchants are registered (normal cross-border e-commerce is common). */
    static final List<String> ONLINE = List.of("DE", "FR", "NL", "IE", "LU", "ES", "IT", "GB", "US");

    static Country pick(List<Country> countries, RandomGenerator rnd) {
        double total = countries.stream().mapToDouble(Country::weight).sum();
        double x = rnd.nextDouble() * total;
        for (Country c : countries) {
            x -= c.weight();
            if (x < 0) {
                return c;
            }
        }
        return countries.get(countries.size() - 1);
    }

    double randomLat(RandomGenerator rnd) {
        return lat + (rnd.nextDouble() * 2 - 1) * spread;
    }

    double randomLon(RandomGenerator rnd) {
        return lon + (rnd.nextDouble() * 2 - 1) * spread * 1.4;
    }
}
