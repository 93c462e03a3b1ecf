package org.huiying.server.conversation;

import java.util.List;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.security.RecordAccess;
import org.huiying.server.web.ApiException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff read a conversation's history in {@code seq} order. */
@RestController
class ConversationController {

    private final Conversations conversations;
    private final RecordAccess access;

    ConversationController(Conversations conversations, RecordAccess access) {
        this.access = access;
        this.conversations = conversations;
    }

    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT', 'SUPERVISOR', 'ADMIN', 'TECHNICIAN')")
    @GetMapping("/api/conversations/{id}/messages")
    List<MessageView> messages(@PathVariable String id, @RequestParam(defaultValue = "0") long afterSeq,
                               @RequestParam(defaultValue = "500") int limit, Authentication auth) {
        if (afterSeq < 0 || limit < 1) {
            throw ApiException.badRequest("bad_parameter", "afterSeq must be ≥ 0 and limit ≥ 1");
        }
        access.requireConversation(id, CurrentStaff.of(auth));
        return conversations.after(id, afterSeq, limit).stream().map(MessageView::of).toList();
    }
}
