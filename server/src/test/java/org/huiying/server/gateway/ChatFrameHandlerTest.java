package org.huiying.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.huiying.server.web.ApiException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Frames that never reach storage: the handler answers them itself. (Frames that store messages
 * are proven end to end in the spine integration tests.)
 */
class ChatFrameHandlerTest {

    private final JsonMapper json = JsonMapper.shared();
    private final List<String> typing = new ArrayList<>();
    /** The blocking executor, run by hand. */
    private final Deque<Runnable> blocking = new ArrayDeque<>();

    private EmbeddedChannel channel() {
        EmbeddedChannel ch = new EmbeddedChannel(new ChatFrameHandler(null, new ChatChannels(), json, typing::add, null,
                blocking::add));
        ch.attr(HandshakeAuthenticator.CONVERSATION).set("cv_9");
        return ch;
    }

    private JsonNode reply(EmbeddedChannel ch) {
        TextWebSocketFrame frame = ch.readOutbound();
        try {
            return json.readTree(frame.text());
        } finally {
            frame.release();
        }
    }

    @Test
    void malformedJsonGetsAnErrorFrameAndTheChannelStaysOpen() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(new TextWebSocketFrame("{\"type\":"));
        JsonNode error = reply(ch);
        assertThat(error.get("type").asString()).isEqualTo("error");
        assertThat(error.get("code").asString()).isEqualTo("malformed_json");
        assertThat(ch.isOpen()).isTrue();
        assertThat(ch.finish()).isFalse();
    }

    @Test
    void unknownTypeAndBinaryFramesAreRefusedByName() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(new TextWebSocketFrame("{\"type\":\"subscribe\"}"));
        assertThat(reply(ch).get("code").asString()).isEqualTo("unknown_type");
        BinaryWebSocketFrame binary = new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1}));
        ch.writeInbound(binary);
        assertThat(reply(ch).get("code").asString()).isEqualTo("unsupported_frame");
        assertThat(binary.refCnt()).isZero();
    }

    @Test
    void messageWithoutAUsableCmidIsRefusedBeforeStorage() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(new TextWebSocketFrame("{\"type\":\"message\",\"cmid\":42,\"text\":\"你好\"}"));
        assertThat(reply(ch).get("code").asString()).isEqualTo("invalid_cmid");
        ch.writeInbound(new TextWebSocketFrame("{\"type\":\"message\",\"cmid\":\"" + "x".repeat(65) + "\",\"text\":\"你好\"}"));
        assertThat(reply(ch).get("code").asString()).isEqualTo("invalid_cmid");
    }

    private void runBlockingWork(EmbeddedChannel ch) {
        Runnable work;
        while ((work = blocking.poll()) != null) {
            work.run();
        }
        ch.runPendingTasks();
    }

    @Test
    void typingIsReportedForTheChannelsOwnConversationOffTheEventLoop() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(new TextWebSocketFrame("{\"type\":\"typing\"}"));
        assertThat(typing).isEmpty();
        runBlockingWork(ch);
        assertThat(typing).containsExactly("cv_9");
        assertThat((Object) ch.readOutbound()).isNull();
    }

    @Test
    void framesAfterADatabaseFrameWaitForItAndAreHandledInTheOrderSent() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(new TextWebSocketFrame("{\"type\":\"typing\"}"));
        TextWebSocketFrame second = new TextWebSocketFrame("{\"type\":\"dance\"}");
        TextWebSocketFrame third = new TextWebSocketFrame("{\"type\":\"message\",\"cmid\":42}");
        ch.writeInbound(second, third);
        assertThat((Object) ch.readOutbound()).isNull();
        runBlockingWork(ch);
        assertThat(typing).containsExactly("cv_9");
        assertThat(reply(ch).get("code").asString()).isEqualTo("unknown_type");
        assertThat(reply(ch).get("code").asString()).isEqualTo("invalid_cmid");
        assertThat(second.refCnt()).isZero();
        assertThat(third.refCnt()).isZero();
    }

    @Test
    void aDatabaseFrameThatFailsAnswersUnavailableAndTheNextFramesStillRun() {
        EmbeddedChannel ch = new EmbeddedChannel(new ChatFrameHandler(null, new ChatChannels(), json,
                id -> { throw new IllegalStateException("database down"); }, null, blocking::add));
        ch.attr(HandshakeAuthenticator.CONVERSATION).set("cv_9");
        ch.writeInbound(new TextWebSocketFrame("{\"type\":\"typing\"}"), new TextWebSocketFrame("{\"type\":\"dance\"}"));
        runBlockingWork(ch);
        assertThat(reply(ch).get("code").asString()).isEqualTo("unavailable");
        assertThat(reply(ch).get("code").asString()).isEqualTo("unknown_type");
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void aDatabaseFrameRefusedByTheServiceAnswersWithItsOwnCode() {
        EmbeddedChannel ch = new EmbeddedChannel(new ChatFrameHandler(null, new ChatChannels(), json,
                id -> { throw ApiException.conflict("conversation_closed", "会话已结束"); }, null, blocking::add));
        ch.attr(HandshakeAuthenticator.CONVERSATION).set("cv_9");
        ch.writeInbound(new TextWebSocketFrame("{\"type\":\"typing\"}"));
        runBlockingWork(ch);
        assertThat(reply(ch).get("code").asString()).isEqualTo("conversation_closed");
    }

    @Test
    void framesStillWaitingWhenTheConnectionCloseAreReleased() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(new TextWebSocketFrame("{\"type\":\"typing\"}"));
        TextWebSocketFrame waiting = new TextWebSocketFrame("{\"type\":\"dance\"}");
        ch.writeInbound(waiting);
        ch.close();
        assertThat(waiting.refCnt()).isZero();
    }
}
