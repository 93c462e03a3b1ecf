package org.huiying.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.huiying.server.support.RunningServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** The pages run only our own scripts: a script injected into a page does not execute, in a real Chromium. */
class ContentSecurityPolicyIntegrationTests {

    @TempDir
    Path dataDir;

    RunningServer server;
    Browser browser;

    @BeforeEach
    void start() {
        server = new RunningServer(dataDir, "--huiying.gateway.allowed-origins=https://dealer.example.com").start();
        browser = Browser.open("http://127.0.0.1:" + server.httpPort());
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anInjectedInlineScriptDoesNotRunWhileThePagesOwnScriptsDo() {
        browser.go("/login/");
        browser.until(d -> d.findElement(By.cssSelector("[data-testid='login-submit']")));
        Object injected = browser.script("""
                const s = document.createElement('script');
                s.textContent = 'window.__injected = true;';
                document.body.appendChild(s);
                const i = document.createElement('img');
                i.setAttribute('onerror', 'window.__handler = true');
                i.src = 'data:,broken';
                document.body.appendChild(i);
                return new Promise(done => setTimeout(() => done([window.__injected === true, window.__handler === true]), 300));""");
        assertThat(injected).asString().isEqualTo("[false, false]");

        // the page's own module script ran: the login form works
        browser.login("admin", RunningServer.ADMIN_PASSWORD);
        browser.until(d -> d.getCurrentUrl().endsWith("/admin/"));
        // and the page's styles came from our own stylesheet, not inline
        browser.go("/login/");
        Object width = browser.script("return getComputedStyle(document.querySelector('main')).maxWidth");
        assertThat(width).isEqualTo("352px");
    }

    @Test
    void pagesRefuseFramingWhileTheChatWidgetMayBeEmbeddedByTheConfiguredDealers() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Void> console = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/console/")).build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<Void> widget = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + "/chat/")).build(),
                HttpResponse.BodyHandlers.discarding());

        String pagePolicy = console.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(pagePolicy).contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(console.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(console.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(console.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(widget.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'self' https://dealer.example.com");
        assertThat(widget.headers().firstValue("X-Frame-Options")).isEmpty();
    }
}
