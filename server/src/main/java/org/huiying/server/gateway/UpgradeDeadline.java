package org.huiying.server.gateway;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose upgrade request has not fully arrived within the first-message
 * timeout: a socket that connects and then trickles (or sends nothing) would otherwise hold a slot
 * until the idle timeout.
 */
final class UpgradeDeadline extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(UpgradeDeadline.class);

    private final Duration timeout;
    private ScheduledFuture<?> deadline;

    UpgradeDeadline(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        deadline = ctx.executor().schedule(() -> {
            log.info("Closed a chat connection from {}: no upgrade request within {}", GatewayGuard.address(ctx.channel()), timeout);
            ctx.close();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof FullHttpRequest) {
            cancel();
            ctx.pipeline().remove(this);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancel();
        super.channelInactive(ctx);
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
        }
    }
}
