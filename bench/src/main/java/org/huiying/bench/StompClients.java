package org.huiying.bench;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.util.concurrent.Promise;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Many STOMP 1.2 clients over plain WebSocket on a few Netty event loops, as the staff desk's
 * browsers connect to {@code /ws/agent}: CONNECT with a bearer token, then one SUBSCRIBE per
 * destination. No heart-beats (asked {@code 0,0}), so an idle client costs the server nothing but
 * its socket. Every MESSAGE frame goes to the {@link Listener} on the event loop that read it.
 */
public final class StompClients implements AutoCloseable {

    /** What the clients receive. Called on an event loop: keep it short. */
    public interface Listener {
        /** A MESSAGE frame for client {@code client} (its index in connection order). */
        void message(int client, String destination, String body);
    }

    private final EventLoopGroup loops;
    private final Listener listener;
    private final List<Channel> clients = new ArrayList<>();
    private final LongAdder errors = new LongAdder();

    public StompClients(int threads, Listener listener) {
        loops = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        this.listener = listener;
    }

    /** One client to connect: its bearer token (may be empty) and what it subscribes to. */
    public record Login(String token, List<String> destinations) {
    }

    /**
     * Connects one client per login, {@code parallel} at a time. A client counts as connected on
     * its CONNECTED frame; with {@code awaitReceipt} only once the server confirmed its last
     * SUBSCRIBE with a RECEIPT (a server without receipts, like Spring's simple broker, would never
     * answer). Source addresses rotate over 127.0.0.2–127.0.0.51, as the customers' do.
     */
    public void connect(String host, int port, String path, List<Login> logins, int parallel, boolean awaitReceipt)
            throws InterruptedException {
        URI uri = URI.create("ws://" + host + ":" + port + path);
        int first = clients.size();
        clients.addAll(ParallelConnects.open(loops, host, port, logins.size(), parallel, "A STOMP client",
                (i, ready) -> new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                                new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                                        .webSocketUri(uri).subprotocol("v12.stomp").handshakeTimeoutMillis(60_000)
                                        .maxFramePayloadLength(1 << 20).build()),
                                new WebSocketFrameAggregator(1 << 20),
                                new Client(first + i, logins.get(i), awaitReceipt, ready));
                    }
                }));
    }

    public int connected() {
        return (int) clients.stream().filter(Channel::isActive).count();
    }

    /** ERROR frames received, and connections that closed or failed after connecting. */
    public long errors() {
        return errors.sum();
    }

    /** A SEND frame from client {@code client}. */
    public void send(int client, String destination, Map<String, String> headers, String body) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("destination", destination);
        all.putAll(headers);
        all.put("content-type", "application/json");
        Channel c = clients.get(client);
        c.writeAndFlush(new TextWebSocketFrame(StompFrame.encode("SEND", all, body)), c.voidPromise());
    }

    @Override
    public void close() {
        for (Channel c : clients) {
            c.close();
        }
        clients.clear();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Client extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        private final int index;
        private final Login login;
        private final boolean awaitReceipt;
        private final Promise<Channel> ready;

        Client(int index, Login login, boolean awaitReceipt, Promise<Channel> ready) {
            this.index = index;
            this.login = login;
            this.awaitReceipt = awaitReceipt;
            this.ready = ready;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("accept-version", "1.2");
                headers.put("heart-beat", "0,0");
                if (!login.token().isEmpty()) {
                    headers.put("Authorization", "Bearer " + login.token());
                }
                ctx.writeAndFlush(new TextWebSocketFrame(StompFrame.encode("CONNECT", headers, "")));
            } else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                ready.tryFailure(new IllegalStateException("handshake timed out"));
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            StompFrame stomp = StompFrame.decode(frame.text());
            if (stomp == null) {
                return; // a heart-beat
            }
            switch (stomp.command()) {
                case "MESSAGE" -> listener.message(index, stomp.headers().get("destination"), stomp.body());
                case "CONNECTED" -> subscribe(ctx);
                case "RECEIPT" -> ready.trySuccess(ctx.channel());
                case "ERROR" -> {
                    errors.increment();
                    ready.tryFailure(new IllegalStateException("ERROR " + stomp.headers().get("message") + " " + stomp.body()));
                }
                default -> {
                }
            }
        }

        private void subscribe(ChannelHandlerContext ctx) {
            List<String> destinations = login.destinations();
            for (int i = 0; i < destinations.size(); i++) {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("id", "sub-" + i);
                headers.put("destination", destinations.get(i));
                if (awaitReceipt && i == destinations.size() - 1) {
                    headers.put("receipt", "subscribed");
                }
                ctx.write(new TextWebSocketFrame(StompFrame.encode("SUBSCRIBE", headers, "")));
            }
            ctx.flush();
            if (!awaitReceipt || destinations.isEmpty()) {
                ready.trySuccess(ctx.channel());
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (!ready.tryFailure(new IllegalStateException("closed before STOMP CONNECTED"))) {
                errors.increment();
            }
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ready.tryFailure(cause);
            ctx.close();
        }
    }
}
