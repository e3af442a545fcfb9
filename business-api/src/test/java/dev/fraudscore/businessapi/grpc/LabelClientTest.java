package dev.fraudscore.businessapi.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fraudscore.businessapi.pipeline.LabelSink;
import dev.fraudscore.businessapi.pipeline.StepFailure;
import dev.fraudscore.contracts.feature.v1.FeatureServiceGrpc;
import dev.fraudscore.contracts.feature.v1.FraudLabel;
import dev.fraudscore.contracts.feature.v1.RecordLabelRequest;
import dev.fraudscore.contracts.feature.v1.RecordLabelResponse;
import dev.fraudscore.features.state.TransactionLabel;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client over the in-process transport against a fake feature-service that answers what the test queues. */
class LabelClientTest {

    private static final TransactionLabel LABEL = new TransactionLabel("tx-1",
            dev.fraudscore.features.state.FraudLabel.FRAUD, Instant.parse("2026-11-22T12:00:00Z"));

    private final Deque<Status> answers = new ArrayDeque<>();
    private final List<RecordLabelRequest> received = new ArrayList<>();
    private final CircuitBreaker breaker = CircuitBreaker.of("labels", CircuitBreakerConfig.custom()
            .recordException(new DownstreamFailurePredicate()).build());
    private Server server;
    private ManagedChannel channel;
    private LabelClient client;

    @BeforeEach
    void start() throws IOException {
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor().addService(new FeatureServiceGrpc.FeatureServiceImplBase() {
            @Override
            public void recordLabel(RecordLabelRequest request, StreamObserver<RecordLabelResponse> responses) {
                received.add(request);
                Status status = answers.isEmpty() ? Status.OK : answers.poll();
                if (!status.isOk()) {
                    responses.onError(status.asRuntimeException());
                    return;
                }
                responses.onNext(RecordLabelResponse.newBuilder().setTransactionId(request.getTransactionId())
                        .setLabel(request.getLabel()).build());
                responses.onCompleted();
            }
        }).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        client = new LabelClient(channel, new GuardedDownstream("labels", breaker,
                TimeLimiter.of("labels", TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(5)).build())));
    }

    @AfterEach
    void stop() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void sendsTheLabelAndAnOkIsAccepted() {
        LabelSink.Receipt receipt = client.record(LABEL, Duration.ofSeconds(1));

        assertThat(receipt).isEqualTo(LabelSink.Receipt.ACCEPTED);
        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.getTransactionId()).isEqualTo("tx-1");
            assertThat(request.getLabel()).isEqualTo(FraudLabel.FRAUD_LABEL_FRAUD);
            assertThat(request.getReportedAt().getSeconds()).isEqualTo(LABEL.reportedAt().getEpochSecond());
        });
    }

    @Test
    void notFoundAndFailedPreconditionAreTheStoresAnswersWithItsSentence() {
        answers.add(Status.NOT_FOUND.withDescription("no transaction tx-1 was scored in the last 39 days"));
        answers.add(Status.FAILED_PRECONDITION.withDescription("transaction tx-1 is already labelled GENUINE"));

        LabelSink.Receipt unknown = client.record(LABEL, Duration.ofSeconds(1));
        LabelSink.Receipt conflict = client.record(LABEL, Duration.ofSeconds(1));

        assertThat(unknown).isEqualTo(new LabelSink.Receipt(LabelSink.Verdict.UNKNOWN_TRANSACTION,
                "no transaction tx-1 was scored in the last 39 days"));
        assertThat(conflict).isEqualTo(new LabelSink.Receipt(LabelSink.Verdict.CONFLICT,
                "transaction tx-1 is already labelled GENUINE"));
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).as("answers, not failures").isZero();
    }

    @Test
    void anUnavailableStoreIsAskedOnceMoreSinceARepeatCountsOnce() {
        answers.add(Status.UNAVAILABLE.withDescription("the feature store is unreachable"));

        LabelSink.Receipt receipt = client.record(LABEL, Duration.ofSeconds(1));

        assertThat(receipt).isEqualTo(LabelSink.Receipt.ACCEPTED);
        assertThat(received).hasSize(2);
    }

    @Test
    void aStoreStillUnavailableAfterTheRetryIsAStepFailure() {
        answers.add(Status.UNAVAILABLE);
        answers.add(Status.UNAVAILABLE);

        StepFailure failure = catchThrowableOfType(StepFailure.class, () -> client.record(LABEL, Duration.ofSeconds(1)));

        assertThat(failure.kind()).isEqualTo(StepFailure.Kind.UNAVAILABLE);
        assertThat(received).hasSize(2);
    }

    @Test
    void anInvalidArgumentIsNotRetried() {
        answers.add(Status.INVALID_ARGUMENT.withDescription("the label is invalid"));

        StepFailure failure = catchThrowableOfType(StepFailure.class, () -> client.record(LABEL, Duration.ofSeconds(1)));

        assertThat(failure.kind()).isEqualTo(StepFailure.Kind.REFUSED_INPUT);
        assertThat(received).hasSize(1);
    }
}
