package dev.fraudscore.businessapi.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fraudscore.businessapi.config.ApiProperties;
import java.io.EOFException;
import java.util.Map;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

@ExtendWith(OutputCaptureExtension.class)
class ProblemHandlerTest {

    private final ProblemHandler handler = new ProblemHandler(new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("fraudscore.api", Bindable.of(ApiProperties.class)));
    private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/fraud-score");

    @Test
    void aCallerThatLeftWhileItsBodyWasReadIsNoErrorOfOurs(CapturedOutput output) {
        // what Tomcat throws when the connection closes before the declared body has come
        var gone = new ClientAbortException(new EOFException());

        assertThat(handler.unexpected(gone, request)).as("nobody to answer").isNull();
        assertThat(output).doesNotContain("Unexpected failure").doesNotContain("EOFException");
    }

    @Test
    void anythingElseUnexpectedIsA500AndLoggedWithItsStack(CapturedOutput output) {
        var answer = handler.unexpected(new IllegalStateException("a bug"), request);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(output).contains("Unexpected failure answering POST /fraud-score")
                .contains("java.lang.IllegalStateException: a bug");
    }
}
