package dev.pharos.build;

import com.dynatrace.hash4j.hashing.HashStream128;
import com.dynatrace.hash4j.hashing.HashValue128;
import dev.pharos.internal.CacheFolder;
import dev.pharos.internal.FileTrees;
import dev.pharos.internal.ModelHash;
import dev.pharos.render.Theme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Rendered pages kept in the build cache ({@code <cache>/pages/}), so that a build after an edit renders only the
 * pages that show something of it. An entry is found by a hash of everything a template's output depends on: the
 * template, locale and output path, the model by content ({@link ModelHash}), the UI strings, the base URL, every
 * file of the writer's theme folders, and this Pharos (whose jar holds the built-in theme).
 *
 * <p>An entry holds the page's bytes alone, so that a site takes a kept page as a hard link to it instead of
 * writing it again ({@link SiteOutput#link}); each entry's length, CRC-32 and modification time are in
 * {@code pages.index}, and an entry that no longer matches them (damaged, or changed in place through a site's link)
 * is never taken.
 */
final class PageCache {

    /** Values {@link PageModels} shares between the pages of a locale: hashed once per build, not once per page. */
    private static final List<String> SHARED = List.of("nav", "banners");

    private final CacheFolder entries;
    private final String common;
    private final Map<Object, HashValue128> shared = new IdentityHashMap<>();
    /** Texts of this build that stand for a known hash (see {@link #vouch}), by identity. */
    private final ModelHash.Vouched vouched = new ModelHash.Vouched();
    private final Path indexFile;
    /** The length, CRC and modification time of each entry, as the last build left them. */
    private final Map<String, Check> index;
    /** When the last build wrote {@link #index}: see {@link #get}. */
    private final long indexWritten;
    /** The same of each entry this build used or wrote: the next build's index. */
    private final Map<String, Check> checks = new ConcurrentHashMap<>();

    private PageCache(Path folder, String common) {
        this.entries = new CacheFolder(folder, "pages");
        this.common = common;
        this.indexFile = folder.resolve("pages.index");
        this.indexWritten = modified(indexFile);
        this.index = readIndex(indexFile);
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

    /**
     * A short text naming what a text made from the vouched {@code source} ({@code part} says how) is made from, to
     * stand in for it in a key: see {@link BuildContext#standIn}. Null when {@code source} was not vouched for.
     */
    String standIn(String source, String part) {
        HashValue128 known = source == null ? null : vouched.get(source);
        return known == null ? null : "\u0000" + part + " " + HexFormat.of().toHexDigits(known.getMostSignificantBits())
                + HexFormat.of().toHexDigits(known.getLeastSignificantBits());
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
     * What an entry held when it was written, and its modification time (nanoseconds since the epoch): a page linked
     * into a site may be changed there, and so here.
     */
    private record Check(long length, long crc, long modified) {
        boolean sameBytes(Check other) {
            return other != null && length == other.length && crc == other.crc;
        }
    }

    /**
     * The file of the page rendered under {@code key}, or null. An entry is the page's bytes alone (UTF-8, as the
     * site has it), so that the site can hold it as a hard link; its length, CRC-32 and modification time are in the
     * index file beside the entries ({@code pages.index}). A damaged entry, or one changed through a link in a site,
     * is never taken for a page (it is made again, as a new file).
     *
     * <p>An entry whose length and modification time are still those of the index is taken without reading it:
     * a change in place sets the modification time, and reading every kept page (388 MB at 10x the corpus) was
     * most of an edit build's reads. As git does for its index, an entry modified no earlier than the index was
     * written is read all the same: a change in the clock tick of the write would leave the time as it was. So is
     * an entry whose time changed (a cache restored without it, or with fewer digits): when its bytes still match,
     * the index takes its new time, and the next build trusts it.
     */
    Path get(String key) {
        Check check = index.get(key);
        Path file = entries.file(key);
        entries.keep(key);
        if (check == null) {
            return null;
        }
        Stat stat = Stat.of(file);
        if (stat == null) {
            return null;
        }
        if (stat.length() == check.length() && stat.modified() == check.modified() && check.modified() < indexWritten) {
            checks.put(key, check);
            return file;
        }
        Check now = checkOf(file, stat);
        if (!check.sameBytes(now)) {
            return null;
        }
        checks.put(key, now);
        return file;
    }

    /** Keeps a rendered page; returns the entry's file (the page's bytes), or null when it could not be written. */
    Path put(String key, byte[] page) {
        Path file = entries.write(key, page);
        Stat stat = file == null ? null : Stat.of(file);
        if (stat != null) {
            checks.put(key, new Check(page.length, CacheFolder.crc(page), stat.modified()));
        }
        return file;
    }

    /**
     * Keeps a file this build wrote to the site (never to be changed) as the entry under {@code key}: linked where
     * the file system allows, else copied.
     */
    void adopt(String key, Path written) {
        Stat stat = Stat.of(written);
        Check check = stat == null ? null : checkOf(written, stat);
        if (check != null && entries.adopt(key, written) != null) {
            checks.put(key, check);
        }
    }

    /** A file's length and modification time (nanoseconds since the epoch), as one {@code stat} gives them. */
    private record Stat(long length, long modified) {
        /** The file's, or null when it cannot be read. */
        static Stat of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stat(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }

    private static long modified(Path file) {
        Stat stat = Stat.of(file);
        return stat == null ? Long.MIN_VALUE : stat.modified();
    }

    /** What a file holds now: its length and modification time as {@code stat} gave them, and its CRC-32. */
    private static Check checkOf(Path file, Stat stat) {
        try {
            return new Check(stat.length(), CacheFolder.crc(file), stat.modified());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Map<String, Check> readIndex(Path file) {
        Map<String, Check> index = new HashMap<>();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.US_ASCII)) {
            lines.forEach(line -> {
                String[] fields = line.split(" ");
                if (fields.length == 4) {
                    try {
                        index.put(fields[0], new Check(Long.parseLong(fields[1]), Long.parseLong(fields[2], 16),
                                Long.parseLong(fields[3])));
                    } catch (NumberFormatException e) {
                        // a damaged line: its entry is made again
                    }
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return Map.of(); // no index (a first build, an older cache): every page is rendered
        }
        return index;
    }

    /** Writes the index of the entries this build used, whole or not at all. */
    private void writeIndex() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(checks).forEach((key, check) -> text.append(key).append(' ').append(check.length()).append(' ')
                .append(Long.toHexString(check.crc())).append(' ').append(check.modified()).append('\n'));
        try {
            FileTrees.replace(indexFile, temporary -> Files.writeString(temporary, text, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // Best effort: without its index the next build renders every page again.
        }
    }

    /** Removes the entries this build did not use, and writes the index of those it did. */
    void removeUnused() {
        entries.removeUnused();
        writeIndex();
    }
}
