package org.huiying.server.cannedreply;

import java.util.List;
import org.huiying.server.security.CurrentStaff;
import org.huiying.server.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Canned replies: everyone who answers customers or technicians reads them; admins keep them. */
@RestController
class CannedReplyController {

    private final CannedReplies replies;

    CannedReplyController(CannedReplies replies) {
        this.replies = replies;
    }

    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT', 'SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/canned-replies")
    List<CannedReply> list(Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("AGENT") && !me.has("EXPERT") && !me.has("SUPERVISOR") && !me.has("ADMIN")) {
            throw ApiException.forbidden("Canned replies are for the people who answer.");
        }
        return replies.list();
    }

    /** The placeholders a phrase may use, as written in it ({@code 客户称呼} for {@code {客户称呼}}). */
    @PreAuthorize("hasAnyRole('AGENT', 'EXPERT', 'SUPERVISOR', 'ADMIN')")
    @GetMapping("/api/canned-replies/placeholders")
    List<String> placeholders() {
        return Placeholder.names();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/api/canned-replies")
    @ResponseStatus(HttpStatus.CREATED)
    CannedReply create(@RequestBody CannedReplyBody body, Authentication auth) {
        return replies.create(body, admin(auth).id());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PutMapping("/api/canned-replies/{id}")
    CannedReply update(@PathVariable long id, @RequestBody CannedReplyBody body, Authentication auth) {
        return replies.update(id, body, admin(auth).id());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @DeleteMapping("/api/canned-replies/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, Authentication auth) {
        admin(auth);
        replies.delete(id);
    }

    private static CurrentStaff admin(Authentication auth) {
        CurrentStaff me = CurrentStaff.of(auth);
        if (!me.has("ADMIN")) {
            throw ApiException.forbidden("Only admins change the canned replies.");
        }
        return me;
    }
}
