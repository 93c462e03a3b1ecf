package org.huiying.server.cluster;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/** Subscribes the node to the cluster's channel. */
@Configuration(proxyBeanMethods = false)
@Profile("cluster")
class RedisBusConfig {

    @Bean
    RedisMessageListenerContainer clusterEvents(RedisConnectionFactory redis, RedisBus bus) {
        // One thread: events reach listeners in the order they were published (a customer's messages
        // by seq). Not an Executor bean, which would switch off Spring Boot's own task executor.
        ExecutorService delivery = Executors.newSingleThreadExecutor(r -> new Thread(r, "cluster-events"));
        RedisMessageListenerContainer container = new RedisMessageListenerContainer() {
            @Override
            public void destroy() throws Exception {
                try {
                    super.destroy();
                } finally {
                    delivery.shutdownNow();
                }
            }
        };
        container.setConnectionFactory(redis);
        container.setTaskExecutor(delivery::execute);
        container.addMessageListener(bus, new ChannelTopic(bus.channel()));
        return container;
    }
}
