package dev.fraudscore.businessapi.grpc;

import dev.fraudscore.support.netty.SharedEventLoop;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The plaintext gRPC channels to the three downstreams, on one event loop of their own; it owns both and shuts them
 * down on close.
 * <p>
 * A channel whose downstream went away backs off its reconnects exponentially (up to two minutes), and
 * fail-fast calls fail while it waits; once a second this nudges such channels to reconnect at once, so
 * that a restarted downstream is used again within about a second.
 */
public final class DownstreamChannels implements AutoCloseable {

    private static final long NUDGE_EVERY_MILLIS = 1000;

    private final ManagedChannel features;
    private final ManagedChannel predict;
    private final ManagedChannel postprocess;
    private final ScheduledExecutorService nudger;
    private final SharedEventLoop loop;

    /** @param ioThreads the threads of the event loop the three channels share */
    public DownstreamChannels(String featuresTarget, String predictTarget, String postprocessTarget, int ioThreads) {
        this.loop = new SharedEventLoop("api-grpc", ioThreads);
        this.features = plaintext(featuresTarget, loop);
        this.predict = plaintext(predictTarget, loop);
        this.postprocess = plaintext(postprocessTarget, loop);
        this.nudger = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "grpc-reconnect-nudger");
            thread.setDaemon(true);
            return thread;
        });
        nudger.scheduleWithFixedDelay(this::nudge, NUDGE_EVERY_MILLIS, NUDGE_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Answers are read and handed over on the Netty event loop (direct executor), not on a second pool: an answer
     * completes its step's future, which starts the next step's call there. With the loop shared by the three
     * channels (one thread by default) that call is written by the thread that read the answer, without waking
     * another; gRPC still runs each call's deadline on the loop's own timer.
     *
     * @param target {@code host:port}
     */
    static ManagedChannel plaintext(String target, SharedEventLoop loop) {
        return NettyChannelBuilder.forTarget(target).usePlaintext().directExecutor()
                .eventLoopGroup(loop.group()).channelType(loop.socketChannel()).build();
    }

    /** Starts dialling the three downstreams now rather than at the first request. */
    public void connect() {
        all().forEach(channel -> channel.getState(true));
    }

    public ManagedChannel features() {
        return features;
    }

    public ManagedChannel predict() {
        return predict;
    }

    public ManagedChannel postprocess() {
        return postprocess;
    }

    private void nudge() {
        for (ManagedChannel channel : all()) {
            if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
                channel.resetConnectBackoff();
            }
        }
    }

    private List<ManagedChannel> all() {
        return List.of(features, predict, postprocess);
    }

    @Override
    public void close() {
        nudger.shutdownNow();
        all().forEach(ManagedChannel::shutdown);
        try {
            for (ManagedChannel channel : all()) {
                if (!channel.awaitTermination(2, TimeUnit.SECONDS)) {
                    channel.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            all().forEach(ManagedChannel::shutdownNow);
        } finally {
            // the channels are done with it: this owns it, since no Redis client shares it here
            loop.group().shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
    }
}
