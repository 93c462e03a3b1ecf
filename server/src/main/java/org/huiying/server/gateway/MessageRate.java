package org.huiying.server.gateway;

import org.huiying.server.concurrent.TokenBucket;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spends one token of the connection's bucket and one of its address's shared bucket per message;
 * a client that runs either dry is closed with 1008 (policy violation): its further frames are
 * dropped, and the connection ends when it answers the Close or {@value #CLOSE_GRACE_SECONDS} s later.
 * Control frames are the protocol handler's and never reach here.
 */
final class MessageRate extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(MessageRate.class);
    private static final long CLOSE_GRACE_SECONDS = 2;

    private final TokenBucket connection;
    private final ConnectionBudget budget;
    private boolean closing;

    MessageRate(TokenBucket connection, ConnectionBudget budget) {
        this.connection = connection;
        this.budget = budget;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WebSocketFrame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        String address = ctx.channel().attr(GatewayGuard.ADDRESS).get();
        boolean addressOk = address == null || budget.messagesOf(address).tryTake();
        if (connection.tryTake() && addressOk) {
            ctx.fireChannelRead(msg);
            return;
        }
        ReferenceCountUtil.release(msg);
        closing = true;
        log.info("Closed a chat connection from {}: message rate limit exceeded", address);
        // the closing handshake: the client's Close ends the connection (the protocol handler
        // answers it); closing the socket at once would meet the frames still on their way with a
        // TCP reset, which can discard our Close before the client reads its code
        ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION, "rate limit exceeded"));
        ctx.executor().schedule(() -> {
            ctx.close();
        }, CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
    }
}
