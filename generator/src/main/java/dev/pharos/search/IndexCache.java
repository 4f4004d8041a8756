package dev.pharos.search;

import com.dynatrace.hash4j.hashing.HashStream128;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import dev.pharos.internal.CacheFolder;
import dev.pharos.internal.ModelHash;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A locale's finished index files in the build cache, under a hash of everything they are made from: every page as
 * the index sees it, the analysis, synonyms, settings, layout, the locale's path and this Pharos. An edit in one
 * language leaves the other languages' indexes as they were: their files are taken whole instead of being built
 * again from the page analyses. Only one entry per locale is kept.
 */
final class IndexCache {

    private static final ObjectMapper FORMAT = SmileMapper.builder().build();

    /** The files as kept, with a CRC of each, so that a damaged entry is never taken for an index. */
    private record Entry(String key, List<IndexFiles.File> files, List<Long> crcs) {
    }

    private final CacheFolder folder;

    IndexCache(Path cache, String locale) {
        this.folder = new CacheFolder(cache, "indexes/" + locale);
    }

    /** The key of an index, or null when one of its inputs cannot be hashed by content (it is then built). */
    static String key(List<SearchDocument> docs, Analysis.Kind kind, Synonyms synonyms, SearchSettings settings,
            IndexFiles.Layout layout, String locale, String localePath) {
        HashStream128 hash = CacheFolder.hash();
        CacheFolder.add(hash, CacheFolder.generator());
        CacheFolder.add(hash, locale);
        CacheFolder.add(hash, localePath);
        try {
            ModelHash.add(hash, kind);
            ModelHash.add(hash, synonyms);
            ModelHash.add(hash, settings);
            ModelHash.add(hash, layout);
            ModelHash.add(hash, docs);
        } catch (ModelHash.Unhashable e) {
            return null;
        }
        return CacheFolder.key(hash);
    }

    /** The files kept under {@code key}, or null. */
    List<IndexFiles.File> read(String key) {
        byte[] bytes = folder.read(key);
        if (bytes == null) {
            return null;
        }
        try {
            Entry entry = FORMAT.readValue(bytes, Entry.class);
            if (!entry.key().equals(key) || entry.files().size() != entry.crcs().size()) {
                return null;
            }
            for (int i = 0; i < entry.files().size(); i++) {
                if (CacheFolder.crc(entry.files().get(i).bytes()) != entry.crcs().get(i)) {
                    return null;
                }
            }
            return entry.files();
        } catch (IOException | RuntimeException e) {
            return null; // unreadable: built again, and rewritten
        }
    }

    void write(String key, List<IndexFiles.File> files) {
        try {
            folder.write(key, FORMAT.writeValueAsBytes(
                    new Entry(key, files, files.stream().map(f -> CacheFolder.crc(f.bytes())).toList())));
        } catch (IOException | RuntimeException e) {
            // Best effort: the cache only saves work.
        }
    }

    void removeUnused() {
        folder.removeUnused();
    }
}
