package dev.fraudscore.businessapi.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import io.grpc.Channel;
import io.grpc.Server;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The three channels share one event loop thread: an answer read on one channel sends the next call on another
 * from that same thread, and that call's answer comes back on it too (what the scoring pipeline relies on to move a
 * request from step to step without waking a second thread).
 */
class DownstreamChannelsIT {

    private Server server;
    private DownstreamChannels channels;

    @BeforeEach
    void start() throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new HealthStatusManager().getHealthService()).build().start();
        String target = "127.0.0.1:" + server.getPort();
        channels = new DownstreamChannels(target, target, target, 1);
    }

    @AfterEach
    void stop() throws InterruptedException {
        channels.close();
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void eachAnswerIsReadOnTheThreadThatSendsTheNextCall() throws Exception {
        CompletableFuture<String> featuresReadOn = new CompletableFuture<>();
        CompletableFuture<String> predictReadOn = new CompletableFuture<>();

        Futures.addCallback(check(channels.features()), callback(featuresReadOn, () ->
                Futures.addCallback(check(channels.predict()), callback(predictReadOn, () -> { }),
                        MoreExecutors.directExecutor())), MoreExecutors.directExecutor());

        String first = featuresReadOn.get(5, TimeUnit.SECONDS);
        assertThat(first).startsWith("api-grpc");
        assertThat(predictReadOn.get(5, TimeUnit.SECONDS)).isEqualTo(first);
    }

    private static ListenableFuture<HealthCheckResponse> check(Channel channel) {
        return HealthGrpc.newFutureStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                .check(HealthCheckRequest.getDefaultInstance());
    }

    private static FutureCallback<HealthCheckResponse> callback(
            CompletableFuture<String> readOn, Runnable then) {
        return new FutureCallback<>() {
            @Override
            public void onSuccess(HealthCheckResponse response) {
                readOn.complete(Thread.currentThread().getName());
                then.run();
            }

            @Override
            public void onFailure(Throwable failure) {
                readOn.completeExceptionally(failure);
            }
        };
    }
}
