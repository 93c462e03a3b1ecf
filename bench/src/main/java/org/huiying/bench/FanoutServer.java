package org.huiying.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The ceiling the supervisor board is measured against: a bare Netty WebSocket server speaking just
 * enough STOMP (CONNECT, SUBSCRIBE, RECEIPT, MESSAGE) for the same clients, storing nothing. A
 * {@code SEND} to {@code /bench/board} with headers {@code rate} and {@code count} makes it
 * broadcast {@code count} SLA-board-shaped frames to every {@code /topic/sla} subscriber at that
 * rate, each stamped with its intended send time as {@code dueAt}, which is how Huiying's frames
 * tell their event time.
 */
public final class FanoutServer implements AutoCloseable {

    static final String BOARD = "/topic/sla";
    static final String START = "/bench/board";

    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    private final Channel server;
    private final List<Subscriber> boardSubscribers = new CopyOnWriteArrayList<>();

    private record Subscriber(Channel channel, String id) {
    }

    public FanoutServer(int port) {
        server = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(4096, 8192, 8192), new HttpObjectAggregator(8192),
                                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                        .websocketPath("/ws/agent").subprotocols("v12.stomp,v11.stomp,v10.stomp")
                                        .checkStartsWith(true).maxFramePayloadLength(64 * 1024).build()),
                                new WebSocketFrameAggregator(64 * 1024), new Stomp());
                    }
                })
                .bind(port).syncUninterruptibly().channel();
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Stomp extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            StompFrame stomp = StompFrame.decode(frame.text());
            if (stomp == null) {
                return;
            }
            Map<String, String> h = stomp.headers();
            switch (stomp.command()) {
                case "CONNECT", "STOMP" -> ctx.writeAndFlush(text("CONNECTED", Map.of("version", "1.2", "heart-beat", "0,0"), ""));
                case "SUBSCRIBE" -> {
                    if (BOARD.equals(h.get("destination"))) {
                        boardSubscribers.add(new Subscriber(ctx.channel(), h.get("id")));
                    }
                }
                case "SEND" -> {
                    if (START.equals(h.get("destination"))) {
                        broadcastInBackground(Double.parseDouble(h.get("rate")), Integer.parseInt(h.get("count")));
                    }
                }
                default -> {
                }
            }
            if (h.containsKey("receipt")) {
                ctx.writeAndFlush(text("RECEIPT", Map.of("receipt-id", h.get("receipt")), ""));
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            boardSubscribers.removeIf(s -> s.channel() == ctx.channel());
            super.channelInactive(ctx);
        }
    }

    private void broadcastInBackground(double rate, int count) {
        Thread clock = new Thread(() -> broadcast(rate, count), "fanout-clock");
        clock.setDaemon(true);
        clock.start();
    }

    /** Frame {@code i} is due at start + i / rate; one that is late goes out at once, never skipped. */
    private void broadcast(double rate, int count) {
        long startNanos = System.nanoTime();
        Instant startInstant = Instant.now();
        for (int i = 0; i < count; i++) {
            long dueNanos = startNanos + (long) (i / rate * 1e9);
            long wait = dueNanos - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
            String body = "{\"ticketId\":\"fanout-" + i + "\",\"state\":\"" + (i % 2 == 0 ? "WARNING" : "BREACHED")
                    + "\",\"metric\":\"FIRST_RESPONSE\",\"dueAt\":\"" + startInstant.plusNanos(dueNanos - startNanos)
                    + "\",\"at\":\"" + Instant.now() + "\"}";
            for (Subscriber s : boardSubscribers) {
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("destination", BOARD);
                headers.put("content-type", "application/json");
                headers.put("subscription", s.id());
                headers.put("message-id", Integer.toString(i));
                s.channel().writeAndFlush(text("MESSAGE", headers, body), s.channel().voidPromise());
            }
        }
    }

    private static TextWebSocketFrame text(String command, Map<String, String> headers, String body) {
        return new TextWebSocketFrame(StompFrame.encode(command, headers, body));
    }

    /** Child-process entry: listens on a free port and announces it the way Huiying does, in {@code $HUIYING_DATA_DIR/ports.json}. */
    public static void main(String[] args) throws Exception {
        FanoutServer fanout = new FanoutServer(0);
        Path dir = Path.of(System.getenv("HUIYING_DATA_DIR"));
        Files.createDirectories(dir);
        Path tmp = dir.resolve("ports.json.tmp");
        Files.writeString(tmp, "{\"http\":" + fanout.port() + ",\"gateway\":" + fanout.port() + "}\n");
        Files.move(tmp, dir.resolve("ports.json"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Thread.currentThread().join();
    }
}
