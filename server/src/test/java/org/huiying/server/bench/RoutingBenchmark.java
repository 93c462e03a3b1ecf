package org.huiying.server.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.huiying.routing.assignment.AgentSnapshot;
import org.huiying.routing.assignment.QueueOrder;
import org.huiying.routing.assignment.RoutingPipeline;
import org.huiying.routing.assignment.WaitingTicket;

/**
 * Routing decisions per second: single-ticket decisions among 300 agents, and whole dispatch
 * passes handing out 20k waiting tickets (the dispatcher's unit of work). Baseline: a pass over
 * 2k tickets, to show how the cost grows with the queue.
 */
public final class RoutingBenchmark {

    private static final String[] SKILLS = {"battery", "motor", "charging", "high-voltage", "thermal", "chassis",
            "body-electronics", "engine", "appointment", "complaint"};
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    public static void main(String[] args) {
        SplittableRandom random = new SplittableRandom(3);
        List<AgentSnapshot> agents = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            agents.add(new AgentSnapshot(i, random.nextInt(10) < 8, Set.of("AGENT"),
                    new java.util.HashSet<>(List.of(SKILLS[random.nextInt(SKILLS.length)], SKILLS[random.nextInt(SKILLS.length)])),
                    random.nextInt(3), 5, NOW.minusSeconds(random.nextInt(3600))));
        }
        RoutingPipeline pipeline = RoutingPipeline.standard(new QueueOrder(Duration.ofMinutes(10)));

        List<WaitingTicket> single = tickets(random, 10_000);
        for (int i = 0; i < 100_000; i++) {
            pipeline.route(single.get(i % single.size()), agents);
        }
        int calls = 500_000;
        long t0 = System.nanoTime();
        long found = 0;
        for (int i = 0; i < calls; i++) {
            found += pipeline.route(single.get(i % single.size()), agents).isPresent() ? 1 : 0;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("single decisions among %d agents: %,.0f /s (%d of %d found someone)%n", agents.size(),
                calls / seconds, found, calls);

        for (int queue : new int[] {2_000, 20_000}) {
            List<WaitingTicket> waiting = tickets(random, queue);
            for (int i = 0; i < 3; i++) {
                pipeline.assign(waiting, agents, NOW);
            }
            int passes = queue > 10_000 ? 5 : 50;
            long start = System.nanoTime();
            int assigned = 0;
            for (int i = 0; i < passes; i++) {
                assigned = pipeline.assign(waiting, agents, NOW).size();
            }
            double perPass = (System.nanoTime() - start) / 1e6 / passes;
            System.out.printf("dispatch pass over %,d waiting tickets: %.1f ms (%d assigned; %,.0f tickets considered/s)%n",
                    queue, perPass, assigned, queue / (perPass / 1000));
        }
    }

    private static List<WaitingTicket> tickets(SplittableRandom random, int n) {
        List<WaitingTicket> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(new WaitingTicket("t" + i, random.nextInt(5), NOW.minusSeconds(random.nextInt(7200)), "AGENT",
                    Set.of(SKILLS[random.nextInt(SKILLS.length)]), null));
        }
        return list;
    }
}
