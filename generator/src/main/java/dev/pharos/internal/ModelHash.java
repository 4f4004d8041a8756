package dev.pharos.internal;

import java.lang.reflect.RecordComponent;
import java.security.MessageDigest;
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

    /** Adds {@code value} to {@code digest}, structurally. */
    public static void add(MessageDigest digest, Object value) throws Unhashable {
        if (value == null) {
            digest.update((byte) 'n');
        } else if (value instanceof CharSequence text) {
            digest.update((byte) 's');
            CacheFolder.add(digest, text.toString());
        } else if (value instanceof Boolean || value instanceof Number || value instanceof Character
                || value instanceof Enum<?> || value instanceof TemporalAccessor) {
            digest.update((byte) 'v');
            CacheFolder.add(digest, value.getClass().getName());
            CacheFolder.add(digest, value.toString());
        } else if (value instanceof Map<?, ?> map) {
            digest.update((byte) 'm');
            CacheFolder.add(digest, Integer.toString(map.size()));
            for (Map.Entry<?, ?> e : map.entrySet()) {
                add(digest, e.getKey());
                add(digest, e.getValue());
            }
        } else if (value instanceof Collection<?> list) {
            digest.update((byte) 'l');
            CacheFolder.add(digest, Integer.toString(list.size()));
            for (Object item : list) {
                add(digest, item);
            }
        } else if (value instanceof Record) {
            digest.update((byte) 'r');
            CacheFolder.add(digest, value.getClass().getName());
            for (RecordComponent c : COMPONENTS.computeIfAbsent(value.getClass(), Class::getRecordComponents)) {
                try {
                    add(digest, c.getAccessor().invoke(value));
                } catch (ReflectiveOperationException e) {
                    throw new Unhashable(value.getClass());
                }
            }
        } else {
            throw new Unhashable(value.getClass());
        }
    }
}
