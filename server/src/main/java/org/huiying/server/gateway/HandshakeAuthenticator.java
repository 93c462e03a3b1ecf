package org.huiying.server.gateway;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks the customer token on the HTTP upgrade request, before any WebSocket exists: a wrong path
 * gets 404, a missing or unknown token 401, and the connection is closed. A good token binds the
 * channel to its one conversation for the rest of its life.
 */
final class HandshakeAuthenticator extends SimpleChannelInboundHandler<FullHttpRequest> {

    static final String PATH = "/ws/chat";
    static final AttributeKey<String> CONVERSATION = AttributeKey.valueOf("huiying.conversation");

    private final Function<String, Optional<String>> conversationForToken;

    HandshakeAuthenticator(Function<String, Optional<String>> conversationForToken) {
        super(false);
        this.conversationForToken = conversationForToken;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        if (!PATH.equals(uri.path())) {
            refuse(ctx, request, HttpResponseStatus.NOT_FOUND, "not_found", "Connect to " + PATH);
            return;
        }
        List<String> tokens = uri.parameters().get("token");
        Optional<String> conversation = tokens == null || tokens.size() != 1 ? Optional.empty()
                : conversationForToken.apply(tokens.get(0));
        if (conversation.isEmpty()) {
            refuse(ctx, request, HttpResponseStatus.UNAUTHORIZED, "unauthorized", "A valid customer token is required.");
            return;
        }
        ctx.channel().attr(CONVERSATION).set(conversation.get());
        ctx.pipeline().remove(this);
        ctx.fireChannelRead(request);
    }

    static void refuse(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
                               String code, String message) {
        request.release();
        byte[] body = ("{\"error\":\"" + code + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
