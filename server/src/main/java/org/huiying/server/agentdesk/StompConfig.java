package org.huiying.server.agentdesk;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * The staff desk's STOMP endpoint: origins, sizes and per-frame authorization
 * ({@link StompAuthentication}), and the socket tracking that lets revoked sessions be closed.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class StompConfig implements WebSocketMessageBrokerConfigurer {

    private final StompAuthentication authentication;
    private final AgentDeskProperties properties;
    private final RevokedSessions revokedSessions;

    StompConfig(StompAuthentication authentication, AgentDeskProperties properties, RevokedSessions revokedSessions) {
        this.authentication = authentication;
        this.revokedSessions = revokedSessions;
        this.properties = properties;
    }

    /**
     * Browsers send their page's Origin on the upgrade; a page from anywhere else is refused (403)
     * before a socket exists, so another site cannot ride a logged-in person's browser (CSWSH).
     * Clients without an Origin header are not browsers and still have to authenticate on CONNECT.
     */
    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/ws/agent").setAllowedOriginPatterns(properties.allowedOrigins().toArray(String[]::new));
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/queue", "/topic").setHeartbeatValue(new long[] {10_000, 10_000})
                .setTaskScheduler(heartbeatScheduler());
        registry.setApplicationDestinationPrefixes("/app");
        registry.setUserDestinationPrefix("/user");
        // every desk subscribes to three user queues, each its own destination: Spring's default of 1,024
        // cached destinations is outgrown at ~340 agents, past which pushes rescan every subscription
        registry.setCacheLimit(16_384);
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(authentication);
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setMessageSizeLimit((int) properties.maxMessageSize().toBytes());
        registration.setSendBufferSizeLimit((int) properties.sendBufferSize().toBytes());
        registration.setSendTimeLimit(10_000);
        registration.addDecoratorFactory(revokedSessions::track);
    }

    /**
     * Tomcat buffers a whole text message before STOMP sees it; its default (8 KiB) would cut the
     * desk's limit short, and a larger message than ours is refused by the container with 1009.
     */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        var container = new ServletServerContainerFactoryBean();
        container.setMaxTextMessageBufferSize((int) properties.maxMessageSize().toBytes());
        container.setMaxBinaryMessageBufferSize((int) properties.maxMessageSize().toBytes());
        return container;
    }

    private static org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler heartbeatScheduler() {
        var scheduler = new org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("stomp-heartbeat-");
        scheduler.initialize();
        return scheduler;
    }
}
