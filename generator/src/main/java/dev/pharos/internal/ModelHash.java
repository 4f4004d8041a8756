package dev.pharos.internal;

import java.lang.reflect.RecordComponent;
import com.dynatrace.hash4j.hashing.HashStream128;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hashes what a template sees (records, maps, lists, strings, numbers, dates) by content, so that a page whose model
 * is the same as in an earlier build can take that build's output. Values of any other type make the model
 * unhashable: such a page is simply rendered.
 */
public final class ModelHash {

    private static final Map<Class<?>, RecordComponent[]> COMPONENTS = new ConcurrentHashMap<>();

    private ModelHash() {
    }

    /** Thrown for a value the hash cannot vouch for. */
    public static final class Unhashable extends Exception {
        Unhashable(Class<?> type) {
            super(type.getName(), null, false, false);
        }
    }

    /** Adds {@code value} to {@code hash}, structurally. */
    public static void add(HashStream128 hash, Object value) throws Unhashable {
        if (value == null) {
            hash.putByte((byte) 'n');
        } else if (value instanceof CharSequence text) {
            hash.putByte((byte) 's');
            CacheFolder.add(hash, text.toString());
        } else if (value instanceof Boolean || value instanceof Number || value instanceof Character
                || value instanceof Enum<?> || value instanceof TemporalAccessor) {
            hash.putByte((byte) 'v');
            CacheFolder.add(hash, value.getClass().getName());
            CacheFolder.add(hash, value.toString());
        } else if (value instanceof Map<?, ?> map) {
            hash.putByte((byte) 'm');
            CacheFolder.add(hash, Integer.toString(map.size()));
            for (Map.Entry<?, ?> e : map.entrySet()) {
                add(hash, e.getKey());
                add(hash, e.getValue());
            }
        } else if (value instanceof Collection<?> list) {
            hash.putByte((byte) 'l');
            CacheFolder.add(hash, Integer.toString(list.size()));
            for (Object item : list) {
                add(hash, item);
            }
        } else if (value instanceof Record) {
            hash.putByte((byte) 'r');
            CacheFolder.add(hash, value.getClass().getName());
            for (RecordComponent c : COMPONENTS.computeIfAbsent(value.getClass(), Class::getRecordComponents)) {
                try {
                    add(hash, c.getAccessor().invoke(value));
                } catch (ReflectiveOperationException e) {
                    throw new Unhashable(value.getClass());
                }
            }
        } else {
            throw new Unhashable(value.getClass());
        }
    }
}
