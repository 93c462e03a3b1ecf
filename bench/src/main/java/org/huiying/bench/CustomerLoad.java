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
import io.netty.util.concurrent.Promise;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Many WebSocket customers on a few Netty event loops. Each message carries its (intended) send
 * time in its cmid, so whatever answers it, an ack from Huiying or the echo's copy of the frame,
 * tells its own latency. Latencies are recorded from the intended send time, so a stalled server
 * cannot hide its stall (no coordinated omission).
 */
public final class CustomerLoad implements AutoCloseable {

    private static final String[] TEXTS = {
            "你好，我的车充不进电了，仪表盘上亮了一个黄色的故障灯，请问怎么处理？",
            "请问周六上午可以预约保养吗？我的车已经开了一万公里了。",
            "空调制冷效果很差，开到最低温度也不够凉快，需要去店里检查吗？",
            "刹车的时候有异响，吱吱的声音，这个正常吗？",
    };

    private final EventLoopGroup loops;
    private final List<Channel> customers = new ArrayList<>();
    private final Recorder recorder = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);
    private final LongAdder errors = new LongAdder();
    private final AtomicLong inFlight = new AtomicLong();
    private volatile boolean closedLoop;
    private volatile Queue<Channel> waiting = new ConcurrentLinkedQueue<>();
    private volatile long countFrom = Long.MAX_VALUE;

    private final LongSupplier serverCpuNanos;
    private long cpuAtStart;

    public CustomerLoad(int threads) {
        this(threads, () -> 0);
    }

    /** {@code serverCpuNanos}: the CPU time the server under load has used so far, to tell the cost of a message. */
    public CustomerLoad(int threads, LongSupplier serverCpuNanos) {
        loops = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        this.serverCpuNanos = serverCpuNanos;
    }

    /** What one phase measured. */
    public record Phase(long answered, long errors, double seconds, Histogram latencyNanos, long serverCpuNanos) {
        public double perSecond() {
            return answered / seconds;
        }

        /** Server CPU time per answered message, in microseconds: what a message costs, however busy the machine. */
        public double serverCpuMicrosPerMessage() {
            return answered == 0 ? Double.NaN : serverCpuNanos / 1e3 / answered;
        }

        public double percentileMs(double p) {
            return latencyNanos.getTotalCount() == 0 ? Double.NaN : latencyNanos.getValueAtPercentile(p) / 1e6;
        }
    }

    /**
     * Opens one connection per token to {@code ws://host:port/ws/chat?token=…}, {@code parallel}
     * handshakes at a time. Source addresses rotate over 127.0.0.2–127.0.0.51 so tens of thousands of
     * connections do not run out of ephemeral ports on one address pair.
     */
    public void connect(String host, int port, List<String> tokens, int parallel) throws InterruptedException {
        customers.addAll(ParallelConnects.open(loops, host, port, tokens.size(), parallel, "A customer",
                (i, ready) -> new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        URI uri = URI.create("ws://" + host + ":" + port + "/ws/chat?token=" + tokens.get(i));
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                                new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                                        .webSocketUri(uri).handshakeTimeoutMillis(60_000).build()),
                                new Customer(ready));
                    }
                }));
    }

    public int connected() {
        return customers.size();
    }

    /**
     * Each of the first {@code count} customers keeps {@code window} messages unanswered at all
     * times: the most the server can take at this concurrency. Measures after {@code warmup}.
     */
    public Phase closedLoop(int count, int window, Duration warmup, Duration measure) throws InterruptedException {
        closedLoop = true;
        countFrom = Long.MAX_VALUE;
        for (Channel c : customers.subList(0, Math.min(count, customers.size()))) {
            for (int i = 0; i < window; i++) {
                send(c, System.nanoTime());
            }
        }
        Thread.sleep(warmup.toMillis());
        Phase phase = measure(measure);
        closedLoop = false;
        drain();
        return phase;
    }

    /**
     * Every connected customer sends one message, at most {@code parallel} unanswered at a time. On
     * Huiying each of these opens a ticket, so this is the rate of new conversations.
     */
    public Phase firstMessages(int parallel) throws InterruptedException {
        waiting = new ConcurrentLinkedQueue<>(customers);
        long start = System.nanoTime();
        startCounting(start);
        for (int i = 0; i < parallel; i++) {
            Channel next = waiting.poll();
            if (next != null) {
                send(next, System.nanoTime());
            }
        }
        long deadline = start + TimeUnit.MINUTES.toNanos(10);
        while ((!waiting.isEmpty() || inFlight.get() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Phase phase = snapshot((System.nanoTime() - start) / 1e9);
        waiting = new ConcurrentLinkedQueue<>();
        return phase;
    }

    /** Sends {@code perSecond} messages a second, round robin over every connected customer. */
    public Phase fixedRate(double perSecond, Duration warmup, Duration measure) throws InterruptedException {
        countFrom = Long.MAX_VALUE;
        long start = System.nanoTime();
        long end = start + warmup.toNanos() + measure.toNanos();
        long sent = 0;
        int next = 0;
        long measureAt = start + warmup.toNanos();
        boolean counting = false;
        while (true) {
            long now = System.nanoTime();
            if (!counting && now >= measureAt) {
                startCounting(now);
                counting = true;
            }
            if (now >= end) {
                break;
            }
            long due = (long) ((now - start) / 1e9 * perSecond);
            for (; sent < due; sent++) {
                long intended = start + (long) (sent / perSecond * 1e9);
                send(customers.get(next), intended);
                next = (next + 1) % customers.size();
            }
            Thread.sleep(1);
        }
        Phase phase = snapshot(measure.toNanos() / 1e9);
        drain();
        return phase;
    }

    private Phase measure(Duration measure) throws InterruptedException {
        startCounting(System.nanoTime());
        Thread.sleep(measure.toMillis());
        return snapshot(measure.toNanos() / 1e9);
    }

    private void startCounting(long now) {
        cpuAtStart = serverCpuNanos.getAsLong();
        recorder.reset();
        errors.reset();
        countFrom = now;
    }

    private Phase snapshot(double seconds) {
        Histogram latencies = recorder.getIntervalHistogram();
        Phase phase = new Phase(latencies.getTotalCount(), errors.sum(), seconds, latencies,
                serverCpuNanos.getAsLong() - cpuAtStart);
        countFrom = Long.MAX_VALUE;
        return phase;
    }

    /** Waits (at most 60 s) until every message sent has been answered. */
    private void drain() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private final AtomicLong counter = new AtomicLong();

    private void send(Channel c, long intendedNanos) {
        inFlight.incrementAndGet();
        long n = counter.incrementAndGet();
        String text = TEXTS[(int) (n % TEXTS.length)];
        c.writeAndFlush(new TextWebSocketFrame("{\"type\":\"message\",\"cmid\":\"" + intendedNanos + "-" + n
                + "\",\"text\":\"" + text + "\"}"), c.voidPromise());
    }

    private void answer(Channel c, String frame) {
        long now = System.nanoTime();
        int at = frame.indexOf("\"cmid\":\"");
        if (frame.startsWith("{\"type\":\"error\"")) {
            // error frames name no cmid: counted, not timed
            if (countFrom != Long.MAX_VALUE) {
                errors.increment();
            }
        } else if (at < 0) {
            return; // a push (a staff or system message), not an answer
        } else {
            int from = at + 8;
            long sent = Long.parseLong(frame, from, frame.indexOf('-', from), 10);
            if (sent >= countFrom) {
                recorder.recordValue(Math.max(0, now - sent));
            }
        }
        inFlight.decrementAndGet();
        if (closedLoop) {
            send(c, now);
        } else {
            Channel next = waiting.poll();
            if (next != null) {
                send(next, now);
            }
        }
    }

    @Override
    public void close() {
        for (Channel c : customers) {
            c.close();
        }
        customers.clear();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Customer extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        private final Promise<Channel> ready;

        Customer(Promise<Channel> ready) {
            this.ready = ready;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                ready.trySuccess(ctx.channel());
            } else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                ready.tryFailure(new IllegalStateException("handshake timed out"));
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            answer(ctx.channel(), frame.text());
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            ready.tryFailure(new IllegalStateException("closed before the handshake completed"));
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ready.tryFailure(cause);
            ctx.close();
        }
    }
}
