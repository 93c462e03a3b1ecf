package org.huiying.server.cluster;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Without the cluster profile there is one node, and it leads. */
@Component
@Profile("!cluster")
class SingleNodeLeadership implements Leadership {

    @Override
    public Candidacy stand(Runnable elected, Runnable deposed) {
        elected.run();
        return new Candidacy() {
            private boolean leading = true;

            @Override
            public synchronized boolean leading() {
                return leading;
            }

            @Override
            public synchronized void close() {
                if (leading) {
                    leading = false;
                    deposed.run();
                }
            }
        };
    }
}
