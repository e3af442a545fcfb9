package dev.fraudscore.support.readiness;

import io.grpc.Channel;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.grpc.server.lifecycle.GrpcServerStartedEvent;

/**
 * A service's warm-up of its own gRPC port: once the server listens, runs the warm-up on a thread of its own over a
 * plaintext channel to that port (shut down afterwards), then opens the gate's condition {@link #CONDITION} whatever
 * the warm-up did (its failed rounds are logged by {@link WarmupRounds}; a cold service still serves). An in-process
 * server (tests) has no transport to warm: the condition opens at once.
 */
public final class GrpcSelfWarmup implements ApplicationListener<GrpcServerStartedEvent> {

    /** The readiness condition a self warm-up opens. */
    public static final String CONDITION = "warm-up";

    private static final Logger log = LoggerFactory.getLogger(GrpcSelfWarmup.class);

    private final ReadinessGate gate;
    private final String threadName;
    private final Consumer<Channel> warm;

    /**
     * @param gate a gate with the condition {@link #CONDITION}
     * @param warm sends calls to the service over the channel it is given, which reaches the service's own port
     */
    public GrpcSelfWarmup(ReadinessGate gate, String threadName, Consumer<Channel> warm) {
        this.gate = gate;
        this.threadName = threadName;
        this.warm = warm;
    }

    @Override
    public void onApplicationEvent(GrpcServerStartedEvent event) {
        start(event.getPort());
    }

    /** @param port the port the server listens on; 0 or less for none */
    void start(int port) {
        if (port <= 0) {
            gate.ready(CONDITION);
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                ManagedChannel channel =
                        Grpc.newChannelBuilderForAddress("127.0.0.1", port, InsecureChannelCredentials.create()).build();
                try {
                    warm.accept(channel);
                } finally {
                    channel.shutdownNow();
                }
            } catch (RuntimeException e) {
                log.warn("The warm-up over gRPC port {} failed ({}); serving cold", port, e.getMessage());
            } finally {
                gate.ready(CONDITION);
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
    }
}
