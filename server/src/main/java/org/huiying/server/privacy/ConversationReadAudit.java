package org.huiying.server.privacy;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.huiying.server.security.CurrentStaff;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Audits every served read of a customer conversation's history. It runs after the controller has
 * produced the messages and before they are written, so a read that fails writes nothing, and a
 * read that is answered is always recorded (if the record cannot be written, the read fails).
 */
@ControllerAdvice
class ConversationReadAudit implements ResponseBodyAdvice<Object> {

    static final String HISTORY = "/api/conversations/{id}/messages";

    private final AuditLog audit;
    private final CustomerDirectory customers;

    ConversationReadAudit(AuditLog audit, CustomerDirectory customers) {
        this.audit = audit;
        this.customers = customers;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (!(request instanceof ServletServerHttpRequest servlet)) {
            return body;
        }
        HttpServletRequest http = servlet.getServletRequest();
        if (!"GET".equals(http.getMethod()) || !HISTORY.equals(http.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE))
                || !(body instanceof java.util.List<?>)) {
            return body;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) http.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String conversationId = variables == null ? null : variables.get("id");
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (conversationId == null || auth == null) {
            return body;
        }
        Long actor = staffId(auth);
        customers.customerOf(conversationId).ifPresent(customer ->
                audit.record(actor, AuditAction.CONVERSATION_READ, customer, conversationId, null,
                        actor == null ? "not a staff token: " + auth.getClass().getSimpleName() : null));
        return body;
    }

    /** A reader that is not staff (a token of another kind) is still recorded, without an actor id. */
    private static Long staffId(Authentication auth) {
        try {
            return CurrentStaff.of(auth).id();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
