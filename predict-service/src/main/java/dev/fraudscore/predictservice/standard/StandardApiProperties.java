package dev.fraudscore.predictservice.standard;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code fraudscore.predict.standard-apis.*}: the TorchServe and Open Inference Protocol faces.
 *
 * @param deadline how long a request without a deadline of its own may wait for its answer: every HTTP request
 *                 (neither REST protocol carries one) and a gRPC call that sets none. A request still queued after
 *                 this long is dropped before its forward pass, as a gRPC call whose deadline passed
 */
@Validated
@ConfigurationProperties("fraudscore.predict.standard-apis")
public record StandardApiProperties(@DefaultValue("10s") @NotNull Duration deadline) {
}
