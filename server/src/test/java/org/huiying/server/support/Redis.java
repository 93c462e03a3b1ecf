package org.huiying.server.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real Redis on 127.0.0.1:6379. As with {@link Postgres}: without it the tests are skipped with
 * a message, except on CI, where a missing Redis must fail the run rather than hide it.
 */
public final class Redis implements ExecutionCondition {

    public static final String HOST = System.getProperty("huiying.test.redis-host", "127.0.0.1");
    public static final int PORT = Integer.getInteger("huiying.test.redis-port", 6379);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, PORT), 2_000);
            return ConditionEvaluationResult.enabled("Redis reachable at " + HOST + ":" + PORT);
        } catch (IOException e) {
            if (System.getenv("CI") != null) {
                return ConditionEvaluationResult.enabled("CI: Redis must be reachable at " + HOST + ":" + PORT + " — this test will fail");
            }
            return ConditionEvaluationResult.disabled("Redis not reachable at " + HOST + ":" + PORT + ": cluster tests skipped.");
        }
    }

    /**
     * Arguments for one node of a test cluster: PostgreSQL in {@code schema} with the cluster profile,
     * Redis channels of the test's own, a standby retrying the leader's lock every 200 ms.
     */
    public static String[] clusterNodeArgs(String schema) {
        java.util.List<String> args = new java.util.ArrayList<>();
        for (String a : Postgres.serverArgs(schema)) {
            args.add(a.startsWith("--spring.profiles.active=") ? "--spring.profiles.active=postgres,cluster" : a);
        }
        args.add("--spring.data.redis.host=" + HOST);
        args.add("--spring.data.redis.port=" + PORT);
        args.add("--huiying.cluster.channel-prefix=it-" + schema);
        args.add("--huiying.cluster.leader-retry-every=PT0.2S");
        return args.toArray(String[]::new);
    }
}
