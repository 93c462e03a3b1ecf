package org.huiying.server.gateway;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins fragmented messages (the decoder already caps each frame) and closes the connection with
 * 1009 (message too big) when the whole message would exceed the limit, instead of buffering it.
 */
final class MessageSizeLimit extends WebSocketFrameAggregator {

    private static final Logger log = LoggerFactory.getLogger(MessageSizeLimit.class);

    MessageSizeLimit(int maxBytes) {
        super(maxBytes);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, WebSocketFrame oversized) {
        log.info("Closed a chat connection from {}: message larger than {} bytes", GatewayGuard.address(ctx.channel()),
                maxContentLength());
        ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG, "message too big"))
                .addListener(ChannelFutureListener.CLOSE);
    }
}
