package org.huiying.server.cluster;

/**
 * Who runs the cluster-wide timers (the SLA monitor). One node alone is always the leader; in a
 * cluster, the holder of a PostgreSQL advisory lock is, and a standby takes over when it dies.
 */
public interface Leadership {

    /**
     * Stands this node for leadership: {@code elected} runs each time it becomes the leader and
     * {@code deposed} each time it stops being it (never concurrently with each other). The first
     * attempt happens before this returns.
     */
    Candidacy stand(Runnable elected, Runnable deposed);

    /** Withdrawing steps down (running {@code deposed} if leading) and stops trying. */
    interface Candidacy extends AutoCloseable {

        boolean leading();

        @Override
        void close();
    }
}
