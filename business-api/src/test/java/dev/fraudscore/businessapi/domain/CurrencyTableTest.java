package dev.fraudscore.businessapi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CurrencyTableTest {

    private final CurrencyTable eur = new CurrencyTable("EUR", Map.of(
            "USD", new BigDecimal("0.5"),
            "JPY", new BigDecimal("0.0062"),
            "GBP", new BigDecimal("1.15")));

    @Test
    void baseCurrencyConvertsOneToOne() {
        assertThat(eur.toBaseMinorUnits(new BigDecimal("129.99"), "EUR")).isEqualTo(12_999L);
        assertThat(eur.supports("EUR")).isTrue();
    }

    @Test
    void yenHasNoMinorUnitAndConvertsToCents() {
        assertThat(eur.minorDigits("JPY")).isZero();
        // 1500 JPY * 0.0062 = 9.30 EUR
        assertThat(eur.toBaseMinorUnits(new BigDecimal("1500"), "JPY")).isEqualTo(930L);
    }

    @Test
    void roundsHalfToEven() {
        // 0.01 USD * 0.5 = 0.005 EUR: a tie, rounds to the even 0.00
        assertThat(eur.toBaseMinorUnits(new BigDecimal("0.01"), "USD")).isZero();
        // 0.03 USD * 0.5 = 0.015 EUR: a tie, rounds to the even 0.02
        assertThat(eur.toBaseMinorUnits(new BigDecimal("0.03"), "USD")).isEqualTo(2L);
        // 1.01 GBP * 1.15 = 1.1615 EUR: not a tie, 1.16
        assertThat(eur.toBaseMinorUnits(new BigDecimal("1.01"), "GBP")).isEqualTo(116L);
    }

    @Test
    void unknownCurrencyIsRefused() {
        assertThat(eur.supports("CHF")).isFalse();
        assertThatThrownBy(() -> eur.toBaseMinorUnits(BigDecimal.ONE, "CHF"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CHF is not in the rate table");
    }

    @Test
    void aYenBaseConvertsIntoWholeYen() {
        CurrencyTable yen = new CurrencyTable("JPY", Map.of("EUR", new BigDecimal("161.5")));
        // 10.01 EUR * 161.5 = 1616.615 JPY -> 1617 (no minor unit)
        assertThat(yen.toBaseMinorUnits(new BigDecimal("10.01"), "EUR")).isEqualTo(1617L);
    }

    @Test
    void defaultTableCoversTheCommonCurrenciesAndRebasesOntoAnotherBase() {
        CurrencyTable defaults = CurrencyTable.defaults();
        assertThat(defaults.supported()).contains("EUR", "USD", "GBP", "CHF", "JPY", "SEK");

        CurrencyTable usd = new CurrencyTable("USD", null);
        assertThat(usd.toBaseMinorUnits(new BigDecimal("1.00"), "USD")).isEqualTo(100L);
        // 0.86 EUR per USD, so 1 EUR = 1/0.86 USD = 1.1628 USD -> 116 cents
        assertThat(usd.toBaseMinorUnits(new BigDecimal("1.00"), "EUR")).isEqualTo(116L);
    }

    @Test
    void badConfigurationFailsWithASentence() {
        assertThatThrownBy(() -> new CurrencyTable("EUR", Map.of("USD", BigDecimal.ZERO)))
                .hasMessage("fraudscore.api.currency.rates.USD must be a positive number, but it is 0");
        assertThatThrownBy(() -> new CurrencyTable("EUR", Map.of("EUR", new BigDecimal("2"))))
                .hasMessageContaining("must be 1 because EUR is the base currency");
        assertThatThrownBy(() -> new CurrencyTable("EUR", Map.of("ABC", BigDecimal.ONE)))
                .hasMessageContaining("'ABC', which is not an ISO 4217 currency code");
        assertThatThrownBy(() -> new CurrencyTable("XAF", null))
                .hasMessageContaining("no rate for the base currency XAF");
    }

    @Test
    void tooLargeAResultIsAnArithmeticError() {
        CurrencyTable table = new CurrencyTable("EUR", Map.of("USD", new BigDecimal("1e10")));
        assertThatThrownBy(() -> table.toBaseMinorUnits(new BigDecimal("999999999999"), "USD"))
                .isInstanceOf(ArithmeticException.class);
    }
}
