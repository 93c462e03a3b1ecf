package org.huiying.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens many client connections, {@code parallel} handshakes at a time. Source addresses rotate over
 * 127.0.0.2–127.0.0.51 so tens of thousands of connections do not run out of ephemeral ports on one
 * address pair. A connection counts once its pipeline completes the promise it was given.
 */
final class ParallelConnects {

    /** The pipeline of connection {@code index}, which completes {@code ready} when the connection may be used. */
    interface Pipeline {
        ChannelInitializer<SocketChannel> of(int index, Promise<Channel> ready);
    }

    private ParallelConnects() {
    }

    /** The connected channels, in index order; {@code what} names a client in the error. */
    static List<Channel> open(EventLoopGroup loops, String host, int port, int count, int parallel, String what,
                              Pipeline pipeline) throws InterruptedException {
        Bootstrap bootstrap = new Bootstrap().group(loops).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000);
        List<Channel> open = new ArrayList<>();
        List<Promise<Channel>> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Promise<Channel> ready = loops.next().newPromise();
            bootstrap.clone().handler(pipeline.of(i, ready))
                    .connect(new InetSocketAddress(host, port), new InetSocketAddress("127.0.0." + (2 + i % 50), 0))
                    .addListener(f -> {
                        if (!f.isSuccess()) {
                            ready.tryFailure(f.cause());
                        }
                    });
            pending.add(ready);
            if (pending.size() >= parallel) {
                awaitAll(pending, open, what);
            }
        }
        awaitAll(pending, open, what);
        return open;
    }

    private static void awaitAll(List<Promise<Channel>> pending, List<Channel> open, String what) throws InterruptedException {
        for (Promise<Channel> p : pending) {
            if (!p.await(90, TimeUnit.SECONDS) || !p.isSuccess()) {
                throw new IllegalStateException(what + " could not connect: " + p.cause(), p.cause());
            }
            open.add(p.getNow());
        }
        pending.clear();
    }
}
