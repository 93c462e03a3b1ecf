package org.huiying.server.gateway;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import org.huiying.server.conversation.Conversations;
import org.huiying.server.conversation.GroupCommit;
import org.huiying.server.conversation.Message;
import org.huiying.server.system.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One customer connection's frames. Runs on a blocking executor (one thread at a time per channel)
 * because resume and rating read the database. Messages are handed to the group commit in the order
 * sent and acknowledged when their batch has committed, so no thread waits for the commit.
 * A bad frame gets an {@code error} frame; the connection stays open.
 */
final class ChatFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final Logger log = LoggerFactory.getLogger(ChatFrameHandler.class);
    private static final int MAX_CMID = 64;

    private final Conversations conversations;
    private final GroupCommit appends;
    private final ChatChannels channels;
    private final JsonMapper json;
    private final Frames frames;
    private final CustomerActivity activity;
    private final Ratings ratings;

    ChatFrameHandler(Conversations conversations, GroupCommit appends, ChatChannels channels, JsonMapper json,
                     CustomerActivity activity, Ratings ratings) {
        this.ratings = ratings;
        this.conversations = conversations;
        this.appends = appends;
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
            case "resume" -> resume(ctx, node);
            case "typing" -> activity.typing(conversation(ctx));
            case "rating" -> rating(ctx, node);
            default -> send(ctx, frames.error("unknown_type", "Unknown frame type: expected message, resume, typing or rating."));
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
        appends.appendCustomerMessage(conversation(ctx), cmid, textNode.asString()).whenComplete((appended, failure) -> {
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
