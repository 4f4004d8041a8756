package dev.pharos.build;

import com.dynatrace.hash4j.hashing.HashStream128;
import com.dynatrace.hash4j.hashing.HashValue128;
import dev.pharos.internal.CacheFolder;
import dev.pharos.internal.ModelHash;
import dev.pharos.render.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Rendered pages kept in the build cache ({@code <cache>/pages/}), so that a build after an edit renders only the
 * pages that show something of it. An entry is found by a hash of everything a template's output depends on: the
 * template, locale and output path, the model by content ({@link ModelHash}), the UI strings, the base URL, every file of the writer's theme folders, and this Pharos (whose jar holds the built-in theme).
 */
final class PageCache {

    /** Values {@link PageModels} shares between the pages of a locale: hashed once per build, not once per page. */
    private static final List<String> SHARED = List.of("nav", "banners");

    private final CacheFolder entries;
    private final String common;
    private final Map<Object, HashValue128> shared = new IdentityHashMap<>();
    /** Texts of this build that stand for a known hash (see {@link #vouch}), by identity. */
    private final ModelHash.Vouched vouched = new ModelHash.Vouched();

    private PageCache(Path folder, String common) {
        this.entries = new CacheFolder(folder, "pages");
        this.common = common;
    }

    static PageCache open(Path folder, Theme theme, Map<String, ? extends Map<String, String>> labels, String basePath,
            String baseUrl) {
        HashStream128 hash = CacheFolder.hash();
        CacheFolder.add(hash, CacheFolder.generator());
        CacheFolder.add(hash, basePath);
        CacheFolder.add(hash, baseUrl);
        // Templates format dates and numbers; the JVM's defaults may reach them.
        CacheFolder.add(hash, TimeZone.getDefault().getID());
        CacheFolder.add(hash, Locale.getDefault().toLanguageTag());
        new TreeMap<>(labels).forEach((locale, strings) -> {
            CacheFolder.add(hash, locale);
            new TreeMap<>(strings).forEach((k, v) -> {
                CacheFolder.add(hash, k);
                CacheFolder.add(hash, v);
            });
        });
        Path builtIn = Theme.builtIn();
        for (Path layer : theme.layers()) {
            if (layer.equals(builtIn)) {
                continue; // part of the jar
            }
            try (Stream<Path> files = Files.walk(layer)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    CacheFolder.add(hash, layer.relativize(file).toString());
                    hash.putByteArray(Files.readAllBytes(file));
                }
            } catch (IOException e) {
                CacheFolder.add(hash, "unreadable " + System.nanoTime()); // never matches
            }
        }
        return new PageCache(folder, CacheFolder.key(hash));
    }

    /** The key of one rendered page, or null when its model holds a value the hash cannot vouch for. */
    String key(String outputPath, String template, String locale, Map<String, Object> model) {
        HashStream128 hash = CacheFolder.hash();
        CacheFolder.add(hash, common);
        CacheFolder.add(hash, outputPath);
        CacheFolder.add(hash, template);
        CacheFolder.add(hash, locale);
        try {
            for (Map.Entry<String, Object> e : model.entrySet()) {
                CacheFolder.add(hash, e.getKey());
                if (SHARED.contains(e.getKey()) && e.getValue() != null) {
                    HashValue128 known = sharedHash(e.getValue());
                    hash.putLong(known.getMostSignificantBits()).putLong(known.getLeastSignificantBits());
                } else {
                    ModelHash.add(hash, e.getValue(), vouched);
                }
            }
        } catch (ModelHash.Unhashable e) {
            return null;
        }
        return CacheFolder.key(hash);
    }

    /**
     * Lets {@code text} (this very object, wherever a model holds it) count in keys as the hash of {@code origin}
     * and {@code part}, instead of by its characters: for a body's HTML, its body cache key names everything it was
     * made from. Only for a text that is a function of {@code origin} alone.
     */
    void vouch(String text, String origin, String part) {
        if (text != null) {
            HashStream128 hash = CacheFolder.hash();
            CacheFolder.add(hash, origin);
            CacheFolder.add(hash, part);
            vouched.put(text, hash.get());
        }
    }

    /** As {@link #vouch}, for a text made from another text vouched for ({@code source}); no effect if it was not. */
    void vouchDerived(String text, String source, String part) {
        HashValue128 known = source == null ? null : vouched.get(source);
        if (known != null && text != null) {
            vouch(text, known.getMostSignificantBits() + ":" + known.getLeastSignificantBits(), part);
        }
    }

    private HashValue128 sharedHash(Object value) throws ModelHash.Unhashable {
        synchronized (shared) {
            HashValue128 known = shared.get(value);
            if (known != null) {
                return known;
            }
        }
        HashStream128 hash = CacheFolder.hash();
        ModelHash.add(hash, value);
        HashValue128 value128 = hash.get();
        synchronized (shared) {
            shared.put(value, value128);
        }
        return value128;
    }

    /**
     * The page rendered under {@code key} as it is written to the site (UTF-8), or null. An entry is its header line
     * (key, length, CRC-32 of the page) and the page's bytes: a hit is copied to the output as it is, neither decoded
     * nor encoded, and a damaged or misplaced file is never taken for a page.
     */
    byte[] get(String key) {
        byte[] bytes = entries.read(key);
        if (bytes == null) {
            return null;
        }
        int newline = -1;
        for (int i = 0; i < Math.min(bytes.length, 128); i++) {
            if (bytes[i] == '\n') {
                newline = i;
                break;
            }
        }
        if (newline < 0) {
            return null;
        }
        byte[] page = Arrays.copyOfRange(bytes, newline + 1, bytes.length);
        String header = new String(bytes, 0, newline, StandardCharsets.US_ASCII);
        return header.equals(header(key, page)) ? page : null; // else made again, and rewritten
    }

    void put(String key, byte[] page) {
        byte[] header = (header(key, page) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] entry = Arrays.copyOf(header, header.length + page.length);
        System.arraycopy(page, 0, entry, header.length, page.length);
        entries.write(key, entry);
    }

    private static String header(String key, byte[] page) {
        CRC32 crc = new CRC32();
        crc.update(page);
        return key + " " + page.length + " " + Long.toHexString(crc.getValue());
    }

    void removeUnused() {
        entries.removeUnused();
    }
}
