package dev.pharos.build;

import dev.pharos.internal.CacheFolder;
import dev.pharos.internal.ModelHash;
import dev.pharos.render.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Stream;

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
    private final Map<Object, byte[]> shared = new IdentityHashMap<>();

    private PageCache(Path folder, String common) {
        this.entries = new CacheFolder(folder, "pages");
        this.common = common;
    }

    static PageCache open(Path folder, Theme theme, Map<String, ? extends Map<String, String>> labels, String basePath,
            String baseUrl) {
        MessageDigest digest = CacheFolder.sha256();
        CacheFolder.add(digest, CacheFolder.generator());
        CacheFolder.add(digest, basePath);
        CacheFolder.add(digest, baseUrl);
        // Templates format dates and numbers; the JVM's defaults may reach them.
        CacheFolder.add(digest, TimeZone.getDefault().getID());
        CacheFolder.add(digest, Locale.getDefault().toLanguageTag());
        new TreeMap<>(labels).forEach((locale, strings) -> {
            CacheFolder.add(digest, locale);
            new TreeMap<>(strings).forEach((k, v) -> {
                CacheFolder.add(digest, k);
                CacheFolder.add(digest, v);
            });
        });
        Path builtIn = Theme.builtIn();
        for (Path layer : theme.layers()) {
            if (layer.equals(builtIn)) {
                continue; // part of the jar
            }
            try (Stream<Path> files = Files.walk(layer)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    CacheFolder.add(digest, layer.relativize(file).toString());
                    digest.update(Files.readAllBytes(file));
                }
            } catch (IOException e) {
                CacheFolder.add(digest, "unreadable " + System.nanoTime()); // never matches
            }
        }
        return new PageCache(folder, CacheFolder.key(digest));
    }

    /** The key of one rendered page, or null when its model holds a value the hash cannot vouch for. */
    String key(String outputPath, String template, String locale, Map<String, Object> model) {
        MessageDigest digest = CacheFolder.sha256();
        CacheFolder.add(digest, common);
        CacheFolder.add(digest, outputPath);
        CacheFolder.add(digest, template);
        CacheFolder.add(digest, locale);
        try {
            for (Map.Entry<String, Object> e : model.entrySet()) {
                CacheFolder.add(digest, e.getKey());
                if (SHARED.contains(e.getKey()) && e.getValue() != null) {
                    digest.update(sharedHash(e.getValue()));
                } else {
                    ModelHash.add(digest, e.getValue());
                }
            }
        } catch (ModelHash.Unhashable e) {
            return null;
        }
        return CacheFolder.key(digest);
    }

    private byte[] sharedHash(Object value) throws ModelHash.Unhashable {
        synchronized (shared) {
            byte[] known = shared.get(value);
            if (known != null) {
                return known;
            }
        }
        MessageDigest digest = CacheFolder.sha256();
        ModelHash.add(digest, value);
        byte[] hash = digest.digest();
        synchronized (shared) {
            shared.put(value, hash);
        }
        return hash;
    }

    /** A page as kept: with its key, so that a damaged or misplaced file is never taken for a page. */
    private record Entry(String key, String html) {
    }

    /** The page rendered under {@code key}, or null. */
    String get(String key) {
        byte[] bytes = entries.read(key);
        if (bytes == null) {
            return null;
        }
        try {
            Entry entry = BodyCache.FORMAT.readValue(bytes, Entry.class);
            return key.equals(entry.key()) ? entry.html() : null;
        } catch (IOException | RuntimeException e) {
            return null; // unreadable: rendered again, and rewritten
        }
    }

    void put(String key, String html) {
        try {
            entries.write(key, BodyCache.FORMAT.writeValueAsBytes(new Entry(key, html)));
        } catch (IOException | RuntimeException e) {
            // Best effort: the cache only saves work.
        }
    }

    void removeUnused() {
        entries.removeUnused();
    }
}
