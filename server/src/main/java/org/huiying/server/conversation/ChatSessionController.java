package org.huiying.server.conversation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Customers open a web-chat session here, then connect to the gateway with the returned token. */
@RestController
class ChatSessionController {

    private final Conversations conversations;

    ChatSessionController(Conversations conversations) {
        this.conversations = conversations;
    }

    @PostMapping("/api/chat/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    ChatSession open(@RequestBody(required = false) CustomerDetails body) {
        return conversations.openChatSession((body == null ? CustomerDetails.NONE : body).validated());
    }
}
