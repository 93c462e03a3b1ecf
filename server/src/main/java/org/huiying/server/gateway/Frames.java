package org.huiying.server.gateway;

import org.huiying.server.conversation.Message;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON frames the server sends to a customer, exactly as the public contract spells them. */
final class Frames {

    private final JsonMapper json;

    Frames(JsonMapper json) {
        this.json = json;
    }

    String ack(String cmid, long seq) {
        return json.createObjectNode().put("type", "ack").put("cmid", cmid).put("seq", seq).toString();
    }

    String message(Message m) {
        return json.createObjectNode().put("type", "message").put("seq", m.seq()).put("from", m.sender().wire())
                .put("text", m.text()).put("at", m.at().toString()).toString();
    }

    String error(String code, String message) {
        ObjectNode node = json.createObjectNode().put("type", "error").put("code", code).put("message", message);
        return node.toString();
    }
}
