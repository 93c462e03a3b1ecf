package org.huiying.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HandshakeAuthenticatorTest {

    private final Map<String, String> tokens = Map.of("good-token", "cv_1");

    private EmbeddedChannel channel() {
        return new EmbeddedChannel(new HandshakeAuthenticator(t -> Optional.ofNullable(tokens.get(t))));
    }

    private static FullHttpRequest upgrade(String uri) {
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
    }

    @Test
    void validTokenBindsTheChannelToItsConversationAndPassesTheRequestOn() {
        EmbeddedChannel ch = channel();
        FullHttpRequest request = upgrade("/ws/chat?token=good-token");
        ch.writeInbound(request);
        FullHttpRequest passed = ch.readInbound();
        assertThat(passed).isSameAs(request);
        assertThat(ch.attr(HandshakeAuthenticator.CONVERSATION).get()).isEqualTo("cv_1");
        assertThat(ch.pipeline().get(HandshakeAuthenticator.class)).isNull();
        passed.release();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void unknownTokenIsRefusedWith401AndTheConnectionClosed() {
        EmbeddedChannel ch = channel();
        FullHttpRequest request = upgrade("/ws/chat?token=stolen");
        ch.writeInbound(request);
        FullHttpResponse response = ch.readOutbound();
        assertThat(response.status()).isEqualTo(HttpResponseStatus.UNAUTHORIZED);
        assertThat(response.content().toString(StandardCharsets.UTF_8)).contains("\"error\":\"unauthorized\"");
        response.release();
        assertThat(request.refCnt()).isZero();
        assertThat((Object) ch.readInbound()).isNull();
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void missingOrRepeatedTokenIsRefused() {
        for (String uri : new String[] {"/ws/chat", "/ws/chat?token=good-token&token=good-token"}) {
            EmbeddedChannel ch = channel();
            ch.writeInbound(upgrade(uri));
            FullHttpResponse response = ch.readOutbound();
            assertThat(response.status()).isEqualTo(HttpResponseStatus.UNAUTHORIZED);
            response.release();
        }
    }

    @Test
    void otherPathsAreNotFound() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(upgrade("/admin?token=good-token"));
        FullHttpResponse response = ch.readOutbound();
        assertThat(response.status()).isEqualTo(HttpResponseStatus.NOT_FOUND);
        response.release();
        assertThat(ch.attr(HandshakeAuthenticator.CONVERSATION).get()).isNull();
    }
}
