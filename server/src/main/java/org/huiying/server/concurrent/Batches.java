package org.huiying.server.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.function.Predicate;

/**
 * A consumer thread's loop over a queue: waits for the first item, takes whatever else is queued
 * (up to {@code maxBatch} in all) and hands the lot over, until the {@code stop} marker is taken
 * (what came with it is handled first) or the thread is interrupted.
 */
public final class Batches {

    private Batches() {
    }

    /** {@code handle} answers false to end the loop at once. */
    public static <T> void drain(BlockingQueue<T> queue, T stop, int maxBatch, Predicate<List<T>> handle) {
        List<T> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
            boolean stopping = batch.remove(stop);
            if (!batch.isEmpty() && !handle.test(batch)) {
                return;
            }
            batch.clear();
            if (stopping) {
                return;
            }
        }
    }
}
