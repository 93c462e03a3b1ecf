package org.huiying.server.gateway;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import java.net.InetSocketAddress;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.runtime.GatewayStarted;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Starts and stops the Netty server with the application. */
@Component
class CustomerGateway implements SmartLifecycle {

    private final GatewayProperties properties;
    private final GatewayLimits limits;
    private final Conversations conversations;
    private final ChatChannels channels;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Ratings ratings;

    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private EventExecutorGroup blocking;
    private Channel server;

    CustomerGateway(GatewayProperties properties, GatewayLimits limits, Conversations conversations,
                    ChatChannels channels, JsonMapper json, ApplicationEventPublisher events, Ratings ratings) {
        this.ratings = ratings;
        this.properties = properties;
        this.limits = limits;
        this.conversations = conversations;
        this.channels = channels;
        this.json = json;
        this.events = events;
    }

    @Override
    public synchronized void start() {
        boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        blocking = new DefaultEventExecutorGroup(properties.workerThreads());
        CustomerActivity activity = conversationId -> events.publishEvent(new CustomerTypingStarted(conversationId));
        GatewayInitializer initializer = new GatewayInitializer(properties, limits, blocking,
                () -> new HandshakeAuthenticator(conversations::conversationForToken),
                () -> new ChatFrameHandler(conversations, channels, json, activity, ratings, blocking));
        server = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer)
                .bind(properties.port())
                .syncUninterruptibly()
                .channel();
        events.publishEvent(new GatewayStarted(((InetSocketAddress) server.localAddress()).getPort()));
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.close().syncUninterruptibly();
        boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        blocking.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        server = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }
}
