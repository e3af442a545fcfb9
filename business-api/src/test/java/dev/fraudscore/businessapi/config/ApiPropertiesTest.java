package dev.fraudscore.businessapi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

class ApiPropertiesTest {

    private static ApiProperties bind(Map<String, String> properties) {
        var validator = new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator());
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("fraudscore.api", Bindable.of(ApiProperties.class), new ValidationBindHandler(validator));
    }

    @Test
    void theIdempotencyStoreKeepsAnIdADayUnlessToldOtherwise() {
        assertThat(bind(Map.of()).idempotency().ttl()).isEqualTo(Duration.ofHours(24));
        assertThat(bind(Map.of("fraudscore.api.idempotency.ttl", "2h")).idempotency().ttl()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void anIdempotencyRetentionUnderASecondFailsAtBinding() {
        assertThatThrownBy(() -> bind(Map.of("fraudscore.api.idempotency.ttl", "0s")))
                .isInstanceOf(BindException.class)
                .cause().isInstanceOf(BindValidationException.class)
                .hasMessageContaining("fraudscore.api.idempotency.ttl")
                .hasMessageContaining("must be at least 1 s");
    }

    @Test
    void thePortWaitsUpToHalfAMinuteForTheDownstreamWarmUp() {
        assertThat(bind(Map.of()).warmupWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(bind(Map.of("fraudscore.api.warmup-wait", "0s")).warmupWait()).isZero();
        assertThatThrownBy(() -> bind(Map.of("fraudscore.api.warmup-wait", "-1s")))
                .isInstanceOf(BindException.class)
                .cause().hasMessageContaining("fraudscore.api.warmup-wait")
                .hasMessageContaining("must not be negative");
    }

    @Test
    void theBreakersOnlyCountForFiveSecondsAfterThePortOpensUnlessToldOtherwise() {
        assertThat(bind(Map.of()).breakerGrace()).isEqualTo(Duration.ofSeconds(5));
        assertThat(bind(Map.of("fraudscore.api.breaker-grace", "0s")).breakerGrace()).isZero();
        assertThatThrownBy(() -> bind(Map.of("fraudscore.api.breaker-grace", "-1s")))
                .isInstanceOf(BindException.class)
                .cause().hasMessageContaining("fraudscore.api.breaker-grace")
                .hasMessageContaining("must not be negative");
    }

    @Test
    void admissionAdaptsBetween8And64UnlessToldOtherwise() {
        assertThat(bind(Map.of()).admission()).isEqualTo(new ApiProperties.Admission(64, 8, true));
        assertThat(bind(Map.of("fraudscore.api.admission.adaptive", "false")).admission().adaptive()).isFalse();
        assertThatThrownBy(() -> bind(Map.of("fraudscore.api.admission.min-concurrent", "100")))
                .isInstanceOf(BindException.class)
                .cause().hasMessageContaining("min-concurrent must not be above max-concurrent");
        assertThatThrownBy(() -> bind(Map.of("fraudscore.api.admission.max-concurrent", "0")))
                .isInstanceOf(BindException.class)
                .cause().hasMessageContaining("fraudscore.api.admission.max-concurrent");
    }
}
