package org.huiying.bench;

/**
 * {@code java -jar huiying-bench.jar <mode> [--quick] [--name=value…]}. Modes: {@code gateway}
 * (customer WebSocket load vs a bare echo), {@code webhooks} (signed Twilio SMS webhooks), {@code tickets} (routed tickets on PostgreSQL),
 * {@code agents} (agents and supervisors on STOMP while customers chat, vs a bare fan-out), {@code jmh [JMH options]} (micro-benchmarks),
 * {@code echo} (the echo server alone, used as a child process).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "help" : args[0];
        switch (mode) {
            case "gateway" -> System.out.println("RESULT " + new GatewayBench(new Options(args, 1)).run());
            case "tickets" -> System.out.println("RESULT " + new TicketBench(new Options(args, 1)).run());
            case "webhooks" -> System.out.println("RESULT " + new WebhookBench(new Options(args, 1)).run());
            case "agents" -> System.out.println("RESULT " + new AgentsBench(new Options(args, 1)).run());
            case "hotline" -> System.out.println("RESULT " + new HotlineBench(new Options(args, 1)).run());
            case "jmh" -> org.openjdk.jmh.Main.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            case "echo" -> EchoServer.main(new String[0]);
            default -> {
                System.err.println("""
                        usage: java -jar bench/target/huiying-bench.jar <mode> [options]
                          gateway [--quick] [--connections=N] [--busy=N] [--rate=N] [--warmup=S] [--measure=S] [--settle=false]
                                  [--rate-seconds=S] [--server-jar=PATH] [--server-jvm="JVM OPTIONS"] [--server-args="--spring.x=y …"] [--jfr=FILE]
                          webhooks [--quick] [--rate=N] [--numbers=N] [--warmup=S] [--measure=S] [--server-jar=PATH]
                          tickets [--quick] [--writers=N] [--agents=N] [--capacity=N] [--customers=N] [--resolve=false] [--jfr=FILE]
                          agents [--quick] [--agents=500] [--supervisors=5] [--customers=N] [--rate=25] [--sla=S]
                                 [--reload-every=MS (0: each event, -1: never)] [--server-jar=PATH] [--server-jvm="…"] [--server-args="…"] [--jfr=FILE]
                          hotline [--callers=200] [--agents=50] [--warmup-callers=100] [--ring-ms=300] [--talk-ms=1000] [--server-jar=PATH] [--jfr=FILE]
                          jmh [JMH options, e.g. -f 1 -wi 3 -i 5]
                        """);
                System.exit(mode.equals("help") ? 0 : 2);
            }
        }
        System.exit(0);
    }
}
