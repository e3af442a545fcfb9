package dev.fraudscore.featureservice.config;

import io.lettuce.core.resource.EventLoopGroupProvider;
import io.lettuce.core.resource.Transports;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.Promise;
import java.util.concurrent.TimeUnit;

/**
 * One Netty event loop for both the gRPC server and the Redis client ({@code fraudscore.features.io-threads}, default
 * 1). A GetFeatures then runs on a single thread from the request's bytes to the answer's: the call (on its transport
 * thread) writes its Redis scripts from that thread, the reply arrives on it, and the answer is written from it. With
 * a loop each, every call woke the Redis client's thread to send and the gRPC thread to answer (README "CPU budget").
 * <p>
 * The loop is of the transport Lettuce chose (epoll where Netty's native library loads, NIO elsewhere), because
 * Lettuce asks its provider for a group of that class. Lettuce shuts it down with its client resources, which go
 * after the Redis connections that use it and after the gRPC server has stopped (a lifecycle bean, stopped before
 * any bean is destroyed).
 */
@SuppressWarnings("deprecation") // Lettuce 6.8 asks for EpollEventLoopGroup / NioEventLoopGroup by class
final class SharedEventLoop implements EventLoopGroupProvider {

    private final int threads;
    private final EventLoopGroup group;
    private final Class<? extends ServerSocketChannel> serverChannel;

    SharedEventLoop(int threads) {
        this.threads = threads;
        DefaultThreadFactory names = new DefaultThreadFactory("feature-io", true);
        if (Transports.eventLoopGroupClass() == EpollEventLoopGroup.class) {
            group = new EpollEventLoopGroup(threads, names);
            serverChannel = EpollServerSocketChannel.class;
        } else {
            group = new NioEventLoopGroup(threads, names);
            serverChannel = NioServerSocketChannel.class;
        }
    }

    EventLoopGroup group() {
        return group;
    }

    Class<? extends ServerSocketChannel> serverChannel() {
        return serverChannel;
    }

    @Override
    public <T extends EventLoopGroup> T allocate(Class<T> type) {
        if (!type.isInstance(group)) {
            throw new IllegalStateException("the Redis client asked for a " + type.getName() + " event loop, but the"
                    + " loop shared with the gRPC server is a " + group.getClass().getName());
        }
        return type.cast(group);
    }

    @Override
    public int threadPoolSize() {
        return threads;
    }

    /** Kept until {@link #shutdown}: the gRPC server shares it. */
    @Override
    public Future<Boolean> release(EventExecutorGroup eventLoopGroup, long quietPeriod, long timeout,
            TimeUnit unit) {
        return ImmediateEventExecutor.INSTANCE.newSucceededFuture(true);
    }

    @Override
    public Future<Boolean> shutdown(long quietPeriod, long timeout, TimeUnit timeUnit) {
        Promise<Boolean> done = ImmediateEventExecutor.INSTANCE.newPromise();
        group.shutdownGracefully(quietPeriod, timeout, timeUnit).addListener(f -> done.setSuccess(f.isSuccess()));
        return done;
    }
}
