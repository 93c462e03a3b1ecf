package org.huiying.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.web.header.HeaderWriter;

/**
 * A strict Content-Security-Policy on every answer: only our own scripts and styles run (staff tokens
 * sit in {@code sessionStorage}, so an injected script must never execute), nothing is framed except
 * the chat widget, which the dealers' sites listed in {@code huiying.gateway.allowed-origins} may embed.
 * WebSockets may go to any host (the chat gateway has a port of its own), and the softphone reaches
 * Twilio's endpoints and plays Twilio's ring tones.
 */
final class PageSecurityHeaders implements HeaderWriter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "media-src 'self' blob: data: https://sdk.twilio.com https://media.twiliocdn.com; "
            + "connect-src 'self' ws: wss: https://*.twilio.com; object-src 'none'; base-uri 'self'; form-action 'self'; ";

    private final String pages;
    private final String widget;

    PageSecurityHeaders(List<String> widgetEmbedders) {
        this.pages = POLICY + "frame-ancestors 'none'";
        this.widget = POLICY + "frame-ancestors 'self'" + (widgetEmbedders.isEmpty() ? "" : " " + String.join(" ", widgetEmbedders));
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        boolean chatWidget = request.getRequestURI().startsWith("/chat/") || request.getRequestURI().equals("/chat");
        response.setHeader("Content-Security-Policy", chatWidget ? widget : pages);
        response.setHeader("Referrer-Policy", "no-referrer");
        if (!chatWidget) {
            response.setHeader("X-Frame-Options", "DENY");
        }
    }
}
