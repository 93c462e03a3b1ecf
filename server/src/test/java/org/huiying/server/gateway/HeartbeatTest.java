package org.huiying.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.timeout.IdleStateEvent;
import org.junit.jupiter.api.Test;

class HeartbeatTest {

    @Test
    void aQuietConnectionIsPinged() {
        EmbeddedChannel ch = new EmbeddedChannel(new Heartbeat());
        ch.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_WRITER_IDLE_STATE_EVENT);
        PingWebSocketFrame ping = ch.readOutbound();
        assertThat(ping).isNotNull();
        ping.release();
        assertThat(ch.isOpen()).isTrue();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void aConnectionThatSentNothingForTooLongIsClosed() {
        EmbeddedChannel ch = new EmbeddedChannel(new Heartbeat());
        ch.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        CloseWebSocketFrame close = ch.readOutbound();
        assertThat(close.statusCode()).isEqualTo(1001);
        close.release();
        ch.runPendingTasks();
        assertThat(ch.isOpen()).isFalse();
    }
}
