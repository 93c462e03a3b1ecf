package org.huiying.server.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upgrade request's first gate, before the token is looked up: a browser page from a foreign
 * origin gets 403, an address with too many open sockets 429, a full gateway 503. An admitted
 * connection holds its place in the {@link ConnectionBudget} until it closes. Refusals are logged
 * with the client address and reason, never the request's token or content.
 */
final class GatewayGuard extends SimpleChannelInboundHandler<FullHttpRequest> {

    static final AttributeKey<String> ADDRESS = AttributeKey.valueOf("huiying.address");
    private static final Logger log = LoggerFactory.getLogger(GatewayGuard.class);

    private final OriginPolicy origins;
    private final ConnectionBudget budget;
    private final TrustedProxies proxies;

    GatewayGuard(OriginPolicy origins, ConnectionBudget budget, TrustedProxies proxies) {
        super(false);
        this.origins = origins;
        this.budget = budget;
        this.proxies = proxies;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String address = proxies.clientAddress(address(ctx.channel()), request.headers().get("X-Forwarded-For"));
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (!origins.allows(origin, request.headers().get(HttpHeaderNames.HOST))) {
            log.info("Refused a chat connection from {}: origin {} is not allowed", address,
                    origin.length() > 100 ? origin.substring(0, 100) + "…" : origin);
            HandshakeAuthenticator.refuse(ctx, request, HttpResponseStatus.FORBIDDEN, "origin_not_allowed",
                    "This page's origin may not open a chat connection.");
            return;
        }
        switch (budget.admit(address)) {
            case ADDRESS_FULL -> {
                log.info("Refused a chat connection from {}: too many open connections from this address", address);
                HandshakeAuthenticator.refuse(ctx, request, HttpResponseStatus.TOO_MANY_REQUESTS, "too_many_connections",
                        "Too many open chat connections from this address.");
            }
            case GATEWAY_FULL -> {
                log.warn("Refused a chat connection from {}: the gateway holds its maximum of open connections", address);
                HandshakeAuthenticator.refuse(ctx, request, HttpResponseStatus.SERVICE_UNAVAILABLE, "gateway_full",
                        "The chat service is busy; please try again shortly.");
            }
            case ADMITTED -> {
                ctx.channel().attr(ADDRESS).set(address);
                ctx.channel().closeFuture().addListener(f -> budget.release(address));
                ctx.pipeline().remove(this);
                ctx.fireChannelRead(request);
            }
        }
    }

    static String address(Channel channel) {
        return channel.remoteAddress() instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress()
                : String.valueOf(channel.remoteAddress());
    }
}
