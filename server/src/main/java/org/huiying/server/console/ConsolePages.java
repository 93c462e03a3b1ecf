package org.huiying.server.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves each console page at its folder URL. Static resource handling only finds {@code /index.html};
 * the pages live in folders so their relative links stay short.
 */
@Configuration(proxyBeanMethods = false)
class ConsolePages implements WebMvcConfigurer {

    static final String[] PAGES = {"login", "console", "dashboard", "admin", "chat", "tech", "rnd", "kb"};

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        for (String page : PAGES) {
            registry.addViewController("/" + page + "/").setViewName("forward:/" + page + "/index.html");
            // without the slash, relative links would resolve against the parent folder
            registry.addRedirectViewController("/" + page, "/" + page + "/");
        }
    }
}
