package ru.rosobr.assistant.platform.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Per-transaction write buffers. Work that many handlers of one transaction (a consumer batch) add to — outbox rows,
 * counter increments — is collected here and written once, as one bulk statement, right before the transaction
 * commits; so a batch of hundreds of events costs one insert instead of hundreds, and rows that several
 * transactions contend for are locked only at the very end, in one deterministic order.
 */
public final class TransactionBuffers {

    private TransactionBuffers() {
    }

    /**
     * The current transaction's buffer under {@code key}, created (and its flush registered) on first use.
     * {@code flush} runs inside the transaction just before it commits — a failure there rolls it back;
     * {@code afterCommit} runs once it committed. Emits nothing when no transaction is active: the caller then
     * writes at once.
     */
    public static <B> Mono<B> current(Object key, Supplier<B> create, Function<B, Mono<Void>> flush,
                                      Consumer<B> afterCommit) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .filter(TransactionSynchronizationManager::isSynchronizationActive)
                .map(tsm -> {
                    @SuppressWarnings("unchecked")
                    B existing = (B) tsm.getResource(key);
                    if (existing != null) {
                        return existing;
                    }
                    B buffer = create.get();
                    tsm.bindResource(key, buffer);
                    tsm.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public Mono<Void> beforeCommit(boolean readOnly) {
                            return flush.apply(buffer);
                        }

                        @Override
                        public Mono<Void> afterCommit() {
                            return Mono.fromRunnable(() -> afterCommit.accept(buffer));
                        }

                        @Override
                        public Mono<Void> afterCompletion(int status) {
                            return Mono.fromRunnable(() -> tsm.unbindResourceIfPossible(key));
                        }
                    });
                    return buffer;
                })
                .onErrorResume(NoTransactionException.class, e -> Mono.empty());
    }

    /**
     * Adds {@code item} to the current transaction's list under {@code key}: the whole list is written by one call
     * of {@code write} just before the transaction commits, in the order the items were added, and
     * {@code afterWrite} runs once it committed. Without a transaction the item is written at once, then
     * {@code afterWrite} runs.
     */
    public static <T> Mono<Void> add(Object key, T item, Function<List<T>, Mono<Void>> write, Runnable afterWrite) {
        return TransactionBuffers.<List<T>>current(key, ArrayList::new, write, items -> afterWrite.run())
                .map(items -> items.add(item))
                .switchIfEmpty(Mono.defer(() -> write.apply(List.of(item))
                        .then(Mono.fromRunnable(afterWrite))
                        .thenReturn(true)))
                .then();
    }
}
