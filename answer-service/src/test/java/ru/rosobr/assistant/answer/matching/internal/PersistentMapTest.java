package ru.rosobr.assistant.answer.matching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PersistentMapTest {

    /** A key with a chosen hash code, to force collisions and shared hash prefixes. */
    private record Key(String name, int hash) {

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.name.equals(name);
        }
    }

    private static Map<Object, Object> contents(PersistentMap<Object, Object> m) {
        Map<Object, Object> out = new HashMap<>();
        m.forEach(out::put);
        return out;
    }

    @Test
    void behavesLikeAHashMapUnderRandomChanges() {
        Random rnd = new Random(1);
        PersistentMap<Object, Object> map = PersistentMap.empty();
        Map<Object, Object> model = new HashMap<>();
        List<PersistentMap<Object, Object>> versions = new ArrayList<>();
        List<Map<Object, Object>> models = new ArrayList<>();
        for (int step = 0; step < 20_000; step++) {
            // plain strings, keys of only 7 distinct hash codes (collision nodes), and keys of 40 hash codes
            int r = rnd.nextInt(600);
            Object key = switch (rnd.nextInt(3)) {
                case 0 -> "k" + r;
                case 1 -> new Key("c" + r, r % 7);
                default -> new Key("p" + r, (r % 40) << 27 | 5);
            };
            if (rnd.nextInt(3) == 0) {
                PersistentMap<Object, Object> next = map.remove(key);
                assertThat(next == map).isEqualTo(!model.containsKey(key));
                model.remove(key);
                map = next;
            } else {
                Integer value = rnd.nextInt(5);
                map = map.put(key, value);
                model.put(key, value);
            }
            assertThat(map.size()).isEqualTo(model.size());
            assertThat(map.get(key)).isEqualTo(model.get(key));
            if (step % 1000 == 0) {
                versions.add(map);
                models.add(new HashMap<>(model));
            }
        }
        assertThat(contents(map)).isEqualTo(model);
        for (Object k : model.keySet()) {
            assertThat(map.get(k)).isEqualTo(model.get(k));
        }
        assertThat(map.get(new Key("absent", 3))).isNull();
        // earlier versions are untouched by later changes
        for (int i = 0; i < versions.size(); i++) {
            assertThat(contents(versions.get(i))).isEqualTo(models.get(i));
            assertThat(versions.get(i).size()).isEqualTo(models.get(i).size());
        }
        // removing everything leaves the empty map
        for (Object k : model.keySet()) {
            map = map.remove(k);
        }
        assertThat(map.isEmpty()).isTrue();
        assertThat(contents(map)).isEmpty();
    }

    @Test
    void bulkBuildEqualsOneByOne() {
        Map<Object, Object> source = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            source.put(i % 3 == 0 ? new Key("c" + i, i % 11) : "w" + i, i);
        }
        PersistentMap<Object, Object> bulk = PersistentMap.of(source);
        assertThat(bulk.size()).isEqualTo(source.size());
        assertThat(contents(bulk)).isEqualTo(source);
        // the bulk-built trie accepts further changes like any other
        PersistentMap<Object, Object> changed = bulk.remove(new Key("c0", 0)).put("new", -1).put("w1", -2);
        assertThat(changed.get(new Key("c0", 0))).isNull();
        assertThat(changed.get("new")).isEqualTo(-1);
        assertThat(changed.get("w1")).isEqualTo(-2);
        assertThat(changed.size()).isEqualTo(source.size());
        assertThat(bulk.get("w1")).isEqualTo(1);
    }

    @Test
    void unchangedMapIsReturnedAsIs() {
        PersistentMap<String, Integer> m = PersistentMap.<String, Integer>empty().put("a", 1);
        Integer one = m.get("a");
        assertThat(m.put("a", one)).isSameAs(m);
        assertThat(m.remove("b")).isSameAs(m);
    }
}
