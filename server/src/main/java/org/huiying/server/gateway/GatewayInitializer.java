package org.huiying.server.gateway;

import org.huiying.server.concurrent.TokenBucket;
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
 * What reaches the database runs on {@code blocking}, never on the event loop: the token lookup, and
 * the frames {@link ChatFrameHandler} hands there. The cheap
 * refusals (slow upgrade, foreign origin, too many connections) come before the token lookup;
 * frames are capped by the decoder (1009), messages by the aggregator (1009), their rate per
 * connection and per address (1008), silence by the idle handler (1001).
 */
final class GatewayInitializer extends ChannelInitializer<SocketChannel> {

    private final GatewayProperties properties;
    private final GatewayLimits limits;
    private final OriginPolicy origins;
    private final TrustedProxies proxies;
    private final ConnectionBudget budget;
    private final EventExecutorGroup blocking;
    private final Supplier<HandshakeAuthenticator> authenticator;
    private final Supplier<ChatFrameHandler> frameHandler;

    GatewayInitializer(GatewayProperties properties, GatewayLimits limits, EventExecutorGroup blocking,
                       Supplier<HandshakeAuthenticator> authenticator, Supplier<ChatFrameHandler> frameHandler) {
        this.properties = properties;
        this.limits = limits;
        this.origins = new OriginPolicy(limits.allowedOrigins());
        this.proxies = new TrustedProxies(limits.trustedProxies());
        this.budget = new ConnectionBudget(limits);
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
        p.addLast("deadline", new UpgradeDeadline(limits.firstMessageTimeout()));
        p.addLast("guard", new GatewayGuard(origins, budget, proxies));
        p.addLast(blocking, "auth", authenticator.get());
        p.addLast("websocket", new WebSocketServerProtocolHandler(ws));
        p.addLast("size", new MessageSizeLimit(properties.maxFrameBytes()));
        p.addLast("rate", new MessageRate(new TokenBucket(limits.messagesPerSecond(), limits.messageBurst(), System::nanoTime),
                budget));
        p.addLast("chat", frameHandler.get());
    }
}
