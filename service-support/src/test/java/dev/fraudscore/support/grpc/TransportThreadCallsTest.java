package dev.fraudscore.support.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransportThreadCallsTest {

    /** Answers the name of the thread the call ran on. */
    private static final MethodDescriptor<String, String> WHERE = TextMarshaller.unary("test.Where/Call");

    private InProcessGrpc grpc;

    @AfterEach
    void close() {
        grpc.close();
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
        grpc = InProcessGrpc.start(builder -> {
            if (onTransportThreads) {
                new TransportThreadCalls<InProcessServerBuilder>().customize(builder);
            }
            return builder.addService(where);
        });
        // the in-process transport delivers on the sending thread: with no server executor, the caller's
        return ClientCalls.blockingUnaryCall(grpc.channel(), WHERE, CallOptions.DEFAULT, "where?");
    }
}
