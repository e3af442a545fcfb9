package dev.fraudscore.support.netty;

import io.lettuce.core.resource.EventLoopGroupProvider;
import io.lettuce.core.resource.Transports;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.Promise;
import java.util.concurrent.TimeUnit;

/**
 * One Netty event loop for a service's network servers and its Redis client (Lettuce), so that a request is read,
 * sent on to Redis, answered by it and written back on one thread. With a loop each, every request woke the Redis
 * client's thread to send and the server's thread to answer (README "CPU budget"). feature-service shares it between
 * its gRPC server and Lettuce; the gateway between Reactor Netty (its HTTP server and its client to business-api)
 * and the Lettuce client of its rate limiter; business-api between its three gRPC channels, so that each step's answer
 * sends the next step's call on the thread that read it.
 * <p>
 * The loop is of the transport Lettuce chose (epoll where Netty's native library loads, NIO elsewhere), because
 * Lettuce asks its provider for a group of that class. Lettuce shuts it down with its client resources, which go
 * after the Redis connections that use it and after the servers have stopped (lifecycle beans, stopped before any
 * bean is destroyed); nothing else may shut it down.
 */
@SuppressWarnings("deprecation") // Lettuce 6.8 asks for EpollEventLoopGroup / NioEventLoopGroup by class
public final class SharedEventLoop implements EventLoopGroupProvider {

    private final int threads;
    private final EventLoopGroup group;
    private final Class<? extends ServerSocketChannel> serverChannel;
    private final Class<? extends SocketChannel> socketChannel;

    /** @param threadNames the prefix of its threads' names, e.g. {@code feature-io} */
    public SharedEventLoop(String threadNames, int threads) {
        this.threads = threads;
        DefaultThreadFactory names = new DefaultThreadFactory(threadNames, true);
        if (Transports.eventLoopGroupClass() == EpollEventLoopGroup.class) {
            group = new EpollEventLoopGroup(threads, names);
            serverChannel = EpollServerSocketChannel.class;
            socketChannel = EpollSocketChannel.class;
        } else {
            group = new NioEventLoopGroup(threads, names);
            serverChannel = NioServerSocketChannel.class;
            socketChannel = NioSocketChannel.class;
        }
    }

    public EventLoopGroup group() {
        return group;
    }

    public Class<? extends ServerSocketChannel> serverChannel() {
        return serverChannel;
    }

    /** The class of a client connection on this loop (gRPC's {@code NettyChannelBuilder.channelType}). */
    public Class<? extends SocketChannel> socketChannel() {
        return socketChannel;
    }

    @Override
    public <T extends EventLoopGroup> T allocate(Class<T> type) {
        if (!type.isInstance(group)) {
            throw new IllegalStateException("the Redis client asked for a " + type.getName() + " event loop, but the"
                    + " loop it shares with the servers is a " + group.getClass().getName());
        }
        return type.cast(group);
    }

    @Override
    public int threadPoolSize() {
        return threads;
    }

    /** Kept until {@link #shutdown}: the servers share it. */
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
