package dev.fraudscore.support.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransportThreadCallsTest {

    /** Answers the name of the thread the call ran on. */
    private static final MethodDescriptor<String, String> WHERE = TextMarshaller.unary("test.Where/Call");

    private Server server;
    private ManagedChannel channel;

    @AfterEach
    void close() {
        channel.shutdownNow();
        server.shutdownNow();
    }

    @Test
    void runsACallOnTheThreadThatDeliveredIt() throws IOException {
        assertThat(threadOfACall(true)).isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void withoutItACallHopsToTheServersExecutor() throws IOException {
        assertThat(threadOfACall(false)).startsWith("grpc-default-executor");
    }

    private String threadOfACall(boolean onTransportThreads) throws IOException {
        ServerServiceDefinition where = ServerServiceDefinition.builder("test.Where")
                .addMethod(WHERE, ServerCalls.asyncUnaryCall((request, reply) -> {
                    reply.onNext(Thread.currentThread().getName());
                    reply.onCompleted();
                })).build();
        String name = InProcessServerBuilder.generateName();
        InProcessServerBuilder builder = InProcessServerBuilder.forName(name).addService(where);
        if (onTransportThreads) {
            new TransportThreadCalls<InProcessServerBuilder>().customize(builder);
        }
        server = builder.build().start();
        // the in-process transport delivers on the sending thread: with no server executor, the caller's
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
        return ClientCalls.blockingUnaryCall(channel, WHERE, CallOptions.DEFAULT, "where?");
    }
}
