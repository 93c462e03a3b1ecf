package org.huiying.server.gateway;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.EventExecutorGroup;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The gateway pipeline: stock HTTP and WebSocket handlers plus one small handler per concern.
 * Handlers that reach the database run on {@code blocking}, never on the event loop.
 */
final class GatewayInitializer extends ChannelInitializer<SocketChannel> {

    private final GatewayProperties properties;
    private final EventExecutorGroup blocking;
    private final Supplier<HandshakeAuthenticator> authenticator;
    private final Supplier<ChatFrameHandler> frameHandler;

    GatewayInitializer(GatewayProperties properties, EventExecutorGroup blocking,
                       Supplier<HandshakeAuthenticator> authenticator, Supplier<ChatFrameHandler> frameHandler) {
        this.properties = properties;
        this.blocking = blocking;
        this.authenticator = authenticator;
        this.frameHandler = frameHandler;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        WebSocketServerProtocolConfig ws = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(HandshakeAuthenticator.PATH)
                .checkStartsWith(true)
                .maxFramePayloadLength(properties.maxFrameBytes())
                .handshakeTimeoutMillis(10_000)
                .build();
        ChannelPipeline p = ch.pipeline();
        p.addLast("idle", new IdleStateHandler(properties.deadAfter().toMillis(), properties.pingEvery().toMillis(), 0,
                TimeUnit.MILLISECONDS));
        p.addLast("heartbeat", new Heartbeat());
        p.addLast("http", new HttpServerCodec(4096, 8192, 8192));
        p.addLast("aggregate", new HttpObjectAggregator(8192));
        p.addLast(blocking, "auth", authenticator.get());
        p.addLast("websocket", new WebSocketServerProtocolHandler(ws));
        p.addLast(blocking, "chat", frameHandler.get());
    }
}
