package dev.fraudscore.support.grpc;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.util.function.UnaryOperator;

/** An in-process gRPC server, as a test builds it, and a channel to it that runs callbacks on the delivering thread. */
final class InProcessGrpc implements AutoCloseable {

    private final Server server;
    private final ManagedChannel channel;

    private InProcessGrpc(Server server, ManagedChannel channel) {
        this.server = server;
        this.channel = channel;
    }

    static InProcessGrpc start(UnaryOperator<InProcessServerBuilder> services) throws IOException {
        String name = InProcessServerBuilder.generateName();
        Server server = services.apply(InProcessServerBuilder.forName(name)).build().start();
        return new InProcessGrpc(server, InProcessChannelBuilder.forName(name).directExecutor().build());
    }

    ManagedChannel channel() {
        return channel;
    }

    @Override
    public void close() {
        channel.shutdownNow();
        server.shutdownNow();
    }
}
