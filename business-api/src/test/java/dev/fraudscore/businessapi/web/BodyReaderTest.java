package dev.fraudscore.businessapi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class BodyReaderTest {

    private final BodyReader reader = new BodyReader(64 * 1024);

    @Test
    void readsABodyUpToTheLimit() throws IOException {
        byte[] body = new byte[64 * 1024];

        assertThat(reader.read(new ByteArrayInputStream(body), body.length)).hasSize(64 * 1024);
        assertThat(reader.read(new ByteArrayInputStream(body), -1)).hasSize(64 * 1024);
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutReading() {
        ByteArrayInputStream in = new ByteArrayInputStream(new byte[10]);

        assertThatThrownBy(() -> reader.read(in, 64 * 1024 + 1))
                .isInstanceOf(PayloadTooLargeException.class)
                .hasMessageStartingWith("The body is larger than 64 KB");
        assertThat(in.available()).isEqualTo(10);
    }

    @Test
    void refusesAChunkedBodyThatTurnsOutTooLarge() {
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(new byte[64 * 1024 + 1]), -1))
                .isInstanceOf(PayloadTooLargeException.class);
    }
}
