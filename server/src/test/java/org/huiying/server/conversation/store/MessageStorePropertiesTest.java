package org.huiying.server.conversation.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The names and defaults the store's {@code @Value}s had, now bound as one record. */
class MessageStorePropertiesTest {

    private static MessageStoreProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("huiying.appends", MessageStoreProperties.class);
    }

    @Test
    void unsetPropertiesKeepTheirDefaults() {
        assertThat(bind(Map.of())).isEqualTo(new MessageStoreProperties(1, 500, 20_000, 5_000, 67_108_864L, 2_000_000L,
                Duration.ofSeconds(5)));
    }

    @Test
    void everyPropertyBindsByItsName() {
        MessageStoreProperties bound = bind(Map.of("huiying.appends.writers", "8", "huiying.appends.max-batch", "100",
                "huiying.appends.max-backlog", "300", "huiying.appends.apply-batch", "200",
                "huiying.appends.segment-bytes", "1024", "huiying.appends.client-ids-in-memory", "10",
                "huiying.appends.read-wait", "PT1S", "huiying.appends.journal", "true"));

        assertThat(bound).isEqualTo(new MessageStoreProperties(8, 100, 300, 200, 1024, 10, Duration.ofSeconds(1)));
    }

    @Test
    void countsBelowOneCountAsOne() {
        assertThat(bind(Map.of("huiying.appends.writers", "0", "huiying.appends.max-batch", "-1",
                "huiying.appends.max-backlog", "0", "huiying.appends.apply-batch", "0")))
                .extracting(MessageStoreProperties::writers, MessageStoreProperties::maxBatch,
                        MessageStoreProperties::maxBacklog, MessageStoreProperties::applyBatch)
                .containsExactly(1, 1, 1, 1);
    }
}
