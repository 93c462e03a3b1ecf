package org.huiying.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The STOMP clients work: against the bare fan-out server each subscriber gets every board frame, timed from its stamp. */
class StompClientsSmokeTest {

    @Test
    void everyBoardSubscriberReceivesEveryBroadcastFrameAndOnlySubscribersDo() throws Exception {
        int frames = 40;
        List<StompClients.Login> logins = new ArrayList<>(Collections.nCopies(10,
                new StompClients.Login("", List.of("/user/queue/assignments", "/user/queue/messages"))));
        logins.addAll(Collections.nCopies(3, new StompClients.Login("token", List.of(FanoutServer.BOARD, "/topic/escalations"))));
        Map<Integer, AtomicInteger> perClient = new ConcurrentHashMap<>();
        java.util.Set<String> destinations = ConcurrentHashMap.newKeySet();
        EventLatency latency = new EventLatency("dueAt");
        CountDownLatch all = new CountDownLatch(3 * frames);
        try (FanoutServer fanout = new FanoutServer(0);
             StompClients clients = new StompClients(1, (client, destination, body) -> {
                 destinations.add(destination);
                 latency.record(body);
                 perClient.computeIfAbsent(client, c -> new AtomicInteger()).incrementAndGet();
                 all.countDown();
             })) {
            clients.connect("127.0.0.1", fanout.port(), "/ws/agent", logins, 5, true);
            assertThat(clients.connected()).isEqualTo(13);

            clients.send(0, FanoutServer.START, Map.of("rate", "400", "count", Integer.toString(frames)), "");

            assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(destinations).containsExactly(FanoutServer.BOARD);
            assertThat(perClient).containsOnlyKeys(10, 11, 12);
            assertThat(perClient.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(frames));
            var timed = latency.take();
            assertThat(timed.getTotalCount()).isEqualTo(3L * frames);
            assertThat(latency.unstamped()).isZero();
            assertThat(EventLatency.ms(timed, 99)).isLessThan(5_000);
            assertThat(clients.errors()).isZero();
        }
    }

    @Test
    void framesRoundTripThroughTheCodec() {
        String text = StompFrame.encode("MESSAGE", Map.of("destination", "/topic/sla"), "{\"a\":1}");

        StompFrame frame = StompFrame.decode("\n" + text);

        assertThat(frame.command()).isEqualTo("MESSAGE");
        assertThat(frame.headers()).containsEntry("destination", "/topic/sla");
        assertThat(frame.body()).isEqualTo("{\"a\":1}");
        assertThat(StompFrame.decode("\n\n")).isNull();
    }
}
