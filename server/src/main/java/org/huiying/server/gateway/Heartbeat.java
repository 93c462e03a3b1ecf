package org.huiying.server.gateway;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Acts on the idle events: pings a quiet connection (browsers answer pings by themselves) and
 * closes one that has gone silent, which on mobile networks is how a dead peer shows itself.
 */
final class Heartbeat extends ChannelDuplexHandler {

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent idle) {
            // Through the channel, not ctx: this handler sits before the WebSocket encoder (so that it
            // sees every byte read, pongs included), and frames must pass that encoder.
            if (idle.state() == IdleState.READER_IDLE) {
                ctx.channel().writeAndFlush(new CloseWebSocketFrame(1001, "idle")).addListener(f -> ctx.close());
            } else if (idle.state() == IdleState.WRITER_IDLE) {
                ctx.channel().writeAndFlush(new PingWebSocketFrame());
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }
}
