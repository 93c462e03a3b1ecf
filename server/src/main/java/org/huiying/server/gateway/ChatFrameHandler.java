package org.huiying.server.gateway;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.conversation.Message;
import org.huiying.server.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One customer connection's frames, read on its event loop. Messages are handed to the group commit
 * (or journal) in the order sent and acknowledged when stored, so no thread waits for the store; the
 * frames that read or write the database (resume, rating, typing) run on {@code blocking}, and the
 * connection's later frames wait for them, so every frame still takes effect in the order sent.
 * (With every frame on the blocking executor, each message cost two thread hand-offs: there and,
 * for its ack, back.) A bad frame gets an {@code error} frame; the connection stays open.
 */
final class ChatFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final Logger log = LoggerFactory.getLogger(ChatFrameHandler.class);
    private static final int MAX_CMID = 64;

    private final Conversations conversations;
    private final ChatChannels channels;
    private final JsonMapper json;
    private final Frames frames;
    private final CustomerActivity activity;
    private final Ratings ratings;
    private final Executor blocking;
    /** Frames read while a database frame runs; touched on the event loop only. */
    private final Deque<WebSocketFrame> waiting = new ArrayDeque<>();
    private boolean databaseFrameRunning;

    ChatFrameHandler(Conversations conversations, ChatChannels channels, JsonMapper json,
                     CustomerActivity activity, Ratings ratings, Executor blocking) {
        this.blocking = blocking;
        this.ratings = ratings;
        this.conversations = conversations;
        this.channels = channels;
        this.json = json;
        this.frames = new Frames(json);
        this.activity = activity;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            channels.add(conversation(ctx), ctx.channel());
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (databaseFrameRunning) {
            waiting.add(frame.retain());
            return;
        }
        handle(ctx, frame);
    }

    private void handle(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (!(frame instanceof TextWebSocketFrame text)) {
            send(ctx, frames.error("unsupported_frame", "Only JSON text frames are accepted."));
            return;
        }
        JsonNode node;
        try {
            node = json.readTree(text.text());
        } catch (JacksonException e) {
            send(ctx, frames.error("malformed_json", "The frame is not valid JSON."));
            return;
        }
        if (node == null || !node.isObject()) {
            send(ctx, frames.error("malformed_json", "A frame is a JSON object with a \"type\"."));
            return;
        }
        String type = node.path("type").asString("");
        switch (type) {
            case "message" -> message(ctx, node);
            case "resume" -> onBlocking(ctx, () -> resume(ctx, node));
            case "typing" -> onBlocking(ctx, () -> activity.typing(conversation(ctx)));
            case "rating" -> onBlocking(ctx, () -> rating(ctx, node));
            default -> send(ctx, frames.error("unknown_type", "Unknown frame type: expected message, resume, typing or rating."));
        }
    }

    /** Runs a frame that reaches the database off the event loop; the frames after it wait their turn. */
    private void onBlocking(ChannelHandlerContext ctx, Runnable work) {
        databaseFrameRunning = true;
        blocking.execute(() -> {
            try {
                work.run();
            } catch (ApiException e) {
                send(ctx, frames.error(e.code(), e.getMessage()));
            } catch (RuntimeException e) {
                log.warn("A customer frame failed", e);
                send(ctx, frames.error("unavailable", "The request could not be completed; please retry."));
            } finally {
                ctx.executor().execute(() -> handleWaiting(ctx));
            }
        });
    }

    private void handleWaiting(ChannelHandlerContext ctx) {
        databaseFrameRunning = false;
        WebSocketFrame next;
        while (!databaseFrameRunning && (next = waiting.poll()) != null) {
            try {
                if (ctx.channel().isActive()) {
                    handle(ctx, next);
                }
            } finally {
                next.release();
            }
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        WebSocketFrame left;
        while ((left = waiting.poll()) != null) {
            left.release();
        }
    }

    private void message(ChannelHandlerContext ctx, JsonNode node) {
        JsonNode cmidNode = node.get("cmid");
        JsonNode textNode = node.get("text");
        if (cmidNode == null || !cmidNode.isString() || cmidNode.asString().isEmpty() || cmidNode.asString().length() > MAX_CMID) {
            send(ctx, frames.error("invalid_cmid", "cmid: a client-unique string of 1–" + MAX_CMID + " characters."));
            return;
        }
        if (textNode == null || !textNode.isString()) {
            send(ctx, frames.error("empty_text", "text must be a non-empty string."));
            return;
        }
        String cmid = cmidNode.asString();
        conversations.appendCustomerMessage(conversation(ctx), cmid, textNode.asString()).whenComplete((appended, failure) -> {
            if (failure == null) {
                send(ctx, frames.ack(cmid, appended.message().seq()));
            } else if (failure instanceof ApiException e) {
                send(ctx, frames.error(e.code(), e.getMessage()));
            } else {
                log.error("Could not store a customer message; the client was not acknowledged and may retry", failure);
                send(ctx, frames.error("not_stored", "The message was not stored; please retry with the same cmid."));
            }
        });
    }

    private void rating(ChannelHandlerContext ctx, JsonNode node) {
        JsonNode score = node.get("score");
        JsonNode comment = node.get("comment");
        if (score == null || !score.canConvertToInt() || score.asInt() < 1 || score.asInt() > 5) {
            send(ctx, frames.error("invalid_score", "score: a whole number from 1 to 5."));
            return;
        }
        if (comment != null && !comment.isNull() && !comment.isString()) {
            send(ctx, frames.error("invalid_comment", "comment: text."));
            return;
        }
        String text = comment == null || comment.isNull() ? "" : comment.asString();
        if (!ratings.rate(conversation(ctx), score.asInt(), text)) {
            send(ctx, frames.error("no_survey", "当前没有待评价的服务。There is no survey to answer right now."));
        }
    }

    private void resume(ChannelHandlerContext ctx, JsonNode node) {
        JsonNode after = node.get("afterSeq");
        if (after == null || !after.canConvertToLong() || after.asLong() < 0) {
            send(ctx, frames.error("invalid_after_seq", "afterSeq: a number ≥ 0."));
            return;
        }
        long cursor = after.asLong();
        while (true) {
            var page = conversations.after(conversation(ctx), cursor, Conversations.MAX_PAGE);
            for (Message m : page) {
                ctx.write(new TextWebSocketFrame(frames.message(m)));
                cursor = m.seq();
            }
            ctx.flush();
            if (page.size() < Conversations.MAX_PAGE) {
                return;
            }
        }
    }

    private static String conversation(ChannelHandlerContext ctx) {
        return ctx.channel().attr(HandshakeAuthenticator.CONVERSATION).get();
    }

    private static void send(ChannelHandlerContext ctx, String json) {
        ctx.writeAndFlush(new TextWebSocketFrame(json));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Closing a customer connection after an error: {}", cause.toString());
        ctx.close();
    }
}
