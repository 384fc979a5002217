package ru.rosobr.assistant.answer.matching.internal;

import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

import org.pcollections.HashTreePMap;
import org.pcollections.PMap;

/**
 * An immutable map whose {@link #put} and {@link #remove} return a new map sharing all but the changed path with
 * this one (pcollections' hash-tree map): what lets the matcher publish a new index snapshot per changed entry
 * without copying the vocabulary. Keys and values must not be null. Safe to read from any thread.
 */
final class PersistentMap<K, V> {

    private static final PersistentMap<?, ?> EMPTY = new PersistentMap<>(HashTreePMap.empty());

    private final PMap<K, V> map;

    private PersistentMap(PMap<K, V> map) {
        this.map = map;
    }

    @SuppressWarnings("unchecked")
    static <K, V> PersistentMap<K, V> empty() {
        return (PersistentMap<K, V>) EMPTY;
    }

    static <K, V> PersistentMap<K, V> of(Map<? extends K, ? extends V> source) {
        return source.isEmpty() ? empty() : new PersistentMap<>(HashTreePMap.from(source));
    }

    int size() {
        return map.size();
    }

    boolean isEmpty() {
        return map.isEmpty();
    }

    V get(Object key) {
        return map.get(key);
    }

    boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    /** This very map when the key already maps to this very value (callers compare snapshots by identity). */
    PersistentMap<K, V> put(K key, V value) {
        Objects.requireNonNull(key);
        Objects.requireNonNull(value);
        return map.get(key) == value ? this : new PersistentMap<>(map.plus(key, value));
    }

    PersistentMap<K, V> remove(Object key) {
        return map.containsKey(key) ? wrap(map.minus(key)) : this;
    }

    private PersistentMap<K, V> wrap(PMap<K, V> m) {
        return m.isEmpty() ? empty() : new PersistentMap<>(m);
    }

    void forEach(BiConsumer<? super K, ? super V> action) {
        map.forEach(action);
    }
}
