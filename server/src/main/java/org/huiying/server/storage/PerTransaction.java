package org.huiying.server.storage;

import java.util.Optional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value that lives as long as the current transaction (unbound when it completes, committed or
 * not). Outside a transaction nothing is kept and {@link #get} is always empty.
 */
public final class PerTransaction<T> {

    private final Object key = new Object();

    @SuppressWarnings("unchecked")
    public Optional<T> get() {
        return Optional.ofNullable((T) TransactionSynchronizationManager.getResource(key));
    }

    public void set(T value) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        if (TransactionSynchronizationManager.hasResource(key)) {
            TransactionSynchronizationManager.unbindResource(key);
        } else {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
        }
        TransactionSynchronizationManager.bindResource(key, value);
    }
}
