package org.huiying.server.gateway;

import org.huiying.server.concurrent.TokenBucket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many chat sockets are open, in all and per client address, and each address's shared
 * message bucket. One per gateway; connections are admitted at the upgrade and released on close.
 */
final class ConnectionBudget {

    enum Admission { ADMITTED, ADDRESS_FULL, GATEWAY_FULL }

    /** One address's open sockets and the message bucket they share. */
    static final class Address {
        private int connections;
        final TokenBucket messages;

        private Address(TokenBucket messages) {
            this.messages = messages;
        }
    }

    private final GatewayLimits limits;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<String, Address> byAddress = new ConcurrentHashMap<>();

    ConnectionBudget(GatewayLimits limits) {
        this.limits = limits;
    }

    Admission admit(String address) {
        if (total.incrementAndGet() > limits.maxConnections() && limits.maxConnections() > 0) {
            total.decrementAndGet();
            return Admission.GATEWAY_FULL;
        }
        boolean[] full = {false};
        byAddress.compute(address, (key, state) -> {
            Address a = state != null ? state : new Address(new TokenBucket(limits.addressMessagesPerSecond(),
                    limits.addressMessageBurst(), System::nanoTime));
            if (limits.maxConnectionsPerAddress() > 0 && a.connections >= limits.maxConnectionsPerAddress()) {
                full[0] = true;
            } else {
                a.connections++;
            }
            return a.connections == 0 ? null : a;
        });
        if (full[0]) {
            total.decrementAndGet();
            return Admission.ADDRESS_FULL;
        }
        return Admission.ADMITTED;
    }

    /** The address's shared bucket while it has an open socket. */
    TokenBucket messagesOf(String address) {
        Address a = byAddress.get(address);
        return a == null ? new TokenBucket(0, 1, System::nanoTime) : a.messages;
    }

    void release(String address) {
        total.decrementAndGet();
        byAddress.computeIfPresent(address, (key, a) -> --a.connections == 0 ? null : a);
    }

    int open() {
        return total.get();
    }
}
