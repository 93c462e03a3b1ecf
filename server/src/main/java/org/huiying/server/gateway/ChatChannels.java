package org.huiying.server.gateway;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The open customer connections of each conversation (a customer may have several tabs open). */
@Component
class ChatChannels {

    private final ConcurrentHashMap<String, Set<Channel>> byConversation = new ConcurrentHashMap<>();

    void add(String conversationId, Channel channel) {
        byConversation.computeIfAbsent(conversationId, id -> ConcurrentHashMap.newKeySet()).add(channel);
        channel.closeFuture().addListener(f -> remove(conversationId, channel));
    }

    void send(String conversationId, String json) {
        Set<Channel> channels = byConversation.get(conversationId);
        if (channels == null) {
            return;
        }
        for (Channel c : channels) {
            if (c.isActive()) {
                c.writeAndFlush(new TextWebSocketFrame(json));
            }
        }
    }

    int count() {
        return byConversation.values().stream().mapToInt(Set::size).sum();
    }

    private void remove(String conversationId, Channel channel) {
        byConversation.computeIfPresent(conversationId, (id, set) -> {
            set.remove(channel);
            return set.isEmpty() ? null : set;
        });
    }
}
