package dev.fraudscore.bench;

import com.google.protobuf.Timestamp;
import dev.fraudscore.contracts.common.v1.Channel;
import dev.fraudscore.contracts.common.v1.FeatureSetRef;
import dev.fraudscore.contracts.common.v1.ModelRef;
import dev.fraudscore.contracts.common.v1.Thresholds;
import dev.fraudscore.contracts.feature.v1.FeatureServiceGrpc;
import dev.fraudscore.contracts.feature.v1.GetFeaturesRequest;
import dev.fraudscore.contracts.feature.v1.GetFeaturesResponse;
import dev.fraudscore.contracts.feature.v1.Transaction;
import dev.fraudscore.contracts.postprocess.v1.DecideRequest;
import dev.fraudscore.contracts.postprocess.v1.DecideResponse;
import dev.fraudscore.contracts.postprocess.v1.PostprocessServiceGrpc;
import dev.fraudscore.contracts.predict.v1.GetModelMetadataRequest;
import dev.fraudscore.contracts.predict.v1.PredictRequest;
import dev.fraudscore.contracts.predict.v1.PredictResponse;
import dev.fraudscore.contracts.predict.v1.PredictServiceGrpc;
import dev.fraudscore.features.FeatureSet;
import dev.fraudscore.features.FeatureSetId;
import dev.fraudscore.features.FeatureSets;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;

/**
 * One internal service driven alone over its gRPC contract, with requests like business-api's: feature-service's
 * {@code GetFeatures} for a new transaction each time, predict-service's {@code Predict} of one row of the served
 * model's width, postprocess-service's {@code Decide} of a score with the feature set's named values.
 */
final class HopTarget implements LoadTarget {

    enum Hop {
        FEATURE("feature-service", 9091), PREDICT("predict-service", 9092), POSTPROCESS("postprocess-service", 9093);

        final String service;
        final int defaultPort;

        Hop(String service, int defaultPort) {
            this.service = service;
            this.defaultPort = defaultPort;
        }

        static Hop parse(String name) {
            try {
                return valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--hop is feature, predict or postprocess, not '" + name + "'");
            }
        }
    }

    private final String description;
    private final ManagedChannel channel;
    private final LongFunction<CompletionStage<Outcome>> call;

    private HopTarget(String description, ManagedChannel channel, LongFunction<CompletionStage<Outcome>> call) {
        this.description = description;
        this.channel = channel;
        this.call = call;
    }

    /** @param featureSet the set GetFeatures asks for (the feature hop only) */
    static HopTarget open(Hop hop, String host, int port, SyntheticPayments payments, Duration deadline,
            FeatureSetId featureSet) {
        // directExecutor: answers are handled on the event loop, the lightest client the loader can be
        ManagedChannel channel = NettyChannelBuilder.forAddress(host, port).usePlaintext().directExecutor().build();
        String description = hop.service + " over gRPC at " + host + ":" + port;
        long nanos = deadline.toNanos();
        return switch (hop) {
            case FEATURE -> {
                var stub = FeatureServiceGrpc.newStub(channel);
                FeatureSetRef set = FeatureSetRef.newBuilder().setName(featureSet.name())
                        .setVersion(featureSet.version()).build();
                yield new HopTarget(description + " (GetFeatures " + featureSet.id() + ")", channel, n -> HopTarget.<GetFeaturesRequest, GetFeaturesResponse>unary((request, answer) -> stub
                        .withDeadlineAfter(nanos, TimeUnit.NANOSECONDS).getFeatures(request, answer),
                        GetFeaturesRequest.newBuilder().setTransaction(transaction(payments.next(n))).setFeatureSet(set)
                                .build()));
            }
            case PREDICT -> {
                var stub = PredictServiceGrpc.newStub(channel);
                Requests requests = Requests.forModel(PredictServiceGrpc.newBlockingStub(channel)
                        .withDeadlineAfter(nanos, TimeUnit.NANOSECONDS)
                        .getModelMetadata(GetModelMetadataRequest.getDefaultInstance()));
                yield new HopTarget(description + " (Predict, one row)", channel, n -> HopTarget.<PredictRequest, PredictResponse>unary((request, answer) -> stub
                        .withDeadlineAfter(nanos, TimeUnit.NANOSECONDS).predict(request, answer), requests.get(n)));
            }
            case POSTPROCESS -> {
                var stub = PostprocessServiceGrpc.newStub(channel);
                DecideRequests requests = new DecideRequests(FeatureSets.find("fraud", 1).orElseThrow());
                yield new HopTarget(description + " (Decide)", channel, n -> HopTarget.<DecideRequest, DecideResponse>unary((request, answer) -> stub
                        .withDeadlineAfter(nanos, TimeUnit.NANOSECONDS).decide(request, answer), requests.get(n)));
            }
        };
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public CompletionStage<Outcome> send(long n) {
        return call.apply(n);
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }

    /** The data-domain transaction business-api would send for {@code payment} (entity keys are the ids). */
    static Transaction transaction(SyntheticPayments.Payment payment) {
        return Transaction.newBuilder().setTransactionId(payment.transactionId())
                .setOccurredAt(Timestamp.newBuilder().setSeconds(payment.occurredAt().getEpochSecond()))
                .setAmountMinor(payment.amountCents()).setBaseCurrency("EUR")
                .setCardKey(payment.cardToken()).setCardBin("424242").setCardCountry("FR")
                .setCustomerKey(payment.customerId()).setMerchantKey(payment.merchantId())
                .setMerchantCategoryCode(payment.categoryCode()).setMerchantCountry("FR")
                .setChannel(Channel.valueOf("CHANNEL_" + payment.channel())).build();
    }

    private static <Q, A> CompletionStage<Outcome> unary(BiConsumer<Q, StreamObserver<A>> call, Q request) {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        call.accept(request, new StreamObserver<>() {
            @Override
            public void onNext(A value) {
                // one answer: its arrival is onCompleted's
            }

            @Override
            public void onError(Throwable failure) {
                outcome.complete(Outcome.failure(Status.fromThrowable(failure).getCode().name()));
            }

            @Override
            public void onCompleted() {
                outcome.complete(Outcome.ANSWERED);
            }
        });
        return outcome;
    }

    /**
     * Decide requests as business-api sends them after a score: the model and its thresholds, the feature set and
     * the named feature values (the policy's reasons read them). Drawn once, seeded, and reused.
     */
    static final class DecideRequests {

        private static final int POOL = 1024;
        private final DecideRequest[] pool = new DecideRequest[POOL];

        DecideRequests(FeatureSet featureSet) {
            SplittableRandom random = new SplittableRandom(42);
            List<String> names = featureSet.features().stream().map(f -> f.name()).toList();
            for (int i = 0; i < POOL; i++) {
                DecideRequest.Builder request = DecideRequest.newBuilder().setTransactionId("bench-decide-" + i)
                        .setScore((float) random.nextDouble())
                        .setModel(ModelRef.newBuilder().setName("fraud-mlp").setVersion("1"))
                        .setFeatureSet(FeatureSetRef.newBuilder().setName(featureSet.name())
                                .setVersion(featureSet.version()))
                        .setModelThresholds(Thresholds.newBuilder().setReview(0.3f).setDecline(0.9f));
                names.forEach(name -> request.putFeatures(name, (float) random.nextDouble() * 3));
                pool[i] = request.build();
            }
        }

        DecideRequest get(long n) {
            return pool[(int) (n % POOL)];
        }
    }
}
