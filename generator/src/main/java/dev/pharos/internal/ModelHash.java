package dev.pharos.internal;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import com.dynatrace.hash4j.hashing.HashStream128;
import com.dynatrace.hash4j.hashing.HashValue128;
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

    /**
     * Each record class's accessors, made accessible once where the module system allows: a call through
     * {@link Method#invoke} then skips the access check, which looks up its caller's class on every call.
     */
    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].trySetAccessible();
            }
            return accessors;
        }
    };

    private ModelHash() {
    }

    /**
     * Long texts that stand for a known hash, by identity (the very object). Thread-safe; only texts of
     * {@link #MIN_LENGTH} characters or more are looked up, so the many short texts of a model cost nothing.
     */
    public static final class Vouched {
        static final Vouched NONE = new Vouched();
        /** Shorter texts are hashed by their characters: as cheap as a lookup. */
        public static final int MIN_LENGTH = 512;

        private record Identity(String text) {
            @Override
            public boolean equals(Object other) {
                return other instanceof Identity that && that.text == text;
            }

            @Override
            public int hashCode() {
                return System.identityHashCode(text);
            }
        }

        private final Map<Identity, HashValue128> texts = new ConcurrentHashMap<>();

        /** Lets {@code text} count as {@code hash}; a text shorter than {@link #MIN_LENGTH} is hashed as it is. */
        public void put(String text, HashValue128 hash) {
            if (text.length() >= MIN_LENGTH && this != NONE) {
                texts.put(new Identity(text), hash);
            }
        }

        /** The hash {@code text} stands for, or null. */
        public HashValue128 get(String text) {
            return text.length() < MIN_LENGTH || texts.isEmpty() ? null : texts.get(new Identity(text));
        }
    }

    /** Thrown for a value the hash cannot vouch for. */
    public static final class Unhashable extends Exception {
        Unhashable(Class<?> type) {
            super(type.getName(), null, false, false);
        }
    }

    /** Adds {@code value} to {@code hash}, structurally. */
    public static void add(HashStream128 hash, Object value) throws Unhashable {
        add(hash, value, Vouched.NONE);
    }

    /**
     * As {@link #add(HashStream128, Object)}, except that a text found in {@code vouched} (by identity: the very
     * object) adds the hash it is vouched for instead of its characters. A page's body is tens of kilobytes; the key
     * of the body cache entry it came from already names it.
     */
    public static void add(HashStream128 hash, Object value, Vouched vouched) throws Unhashable {
        HashValue128 known = value instanceof String text ? vouched.get(text) : null;
        if (known != null) {
            hash.putByte((byte) 't');
            hash.putLong(known.getMostSignificantBits()).putLong(known.getLeastSignificantBits());
        } else if (value == null) {
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
                add(hash, e.getKey(), vouched);
                add(hash, e.getValue(), vouched);
            }
        } else if (value instanceof Collection<?> list) {
            hash.putByte((byte) 'l');
            CacheFolder.add(hash, Integer.toString(list.size()));
            for (Object item : list) {
                add(hash, item, vouched);
            }
        } else if (value instanceof Record) {
            hash.putByte((byte) 'r');
            CacheFolder.add(hash, value.getClass().getName());
            for (Method accessor : ACCESSORS.get(value.getClass())) {
                try {
                    add(hash, accessor.invoke(value), vouched);
                } catch (ReflectiveOperationException e) {
                    throw new Unhashable(value.getClass());
                }
            }
        } else {
            throw new Unhashable(value.getClass());
        }
    }
}
