package dev.pharos.build;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import dev.pharos.Problem;
import dev.pharos.content.Page;
import dev.pharos.content.Resource;
import dev.pharos.content.Site;
import dev.pharos.html.ProcessedHtml;
import com.dynatrace.hash4j.hashing.HashStream128;
import dev.pharos.internal.CacheFolder;
import dev.pharos.markdown.MarkdownText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Processed page bodies kept on disk between builds ({@code --cache}, {@code target/pharos-cache} by default), so
 * that CI rebuilding a help center after one edit processes one page instead of all of them.
 *
 * <p>An entry is found by a hash of everything a body's HTML depends on: the page's Markdown and identity, the
 * shape of the site its links resolve against ({@link Site#fingerprint()}), the interface text of its language
 * (admonition titles), the images it may measure, and this very Pharos (its jar). Anything else changed, and the
 * body is processed again; so a cached build writes the bytes a build without the cache writes. An entry that cannot
 * be read (another version's, a torn write) is simply processed again. Entries no build used are removed at the end.
 */
final class BodyCache {

    // Smile (binary JSON): a body's HTML is written as its bytes, without the escaping text JSON needs.
    static final ObjectMapper FORMAT = SmileMapper.builder()
            .addModule(new SimpleModule().addAbstractTypeMapping(Set.class, LinkedHashSet.class))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private record Entry(String key, ProcessedHtml html, List<Problem> problems) {
    }

    private final CacheFolder entries;
    private final String common;

    private BodyCache(Path folder, String common) {
        this.entries = new CacheFolder(folder, "bodies");
        this.common = common;
    }

    /** The cache in {@code folder} for a build of {@code site}; the folder is created on first write. */
    static BodyCache open(Path folder, Site site, Map<String, ? extends Map<String, String>> labels) {
        StringBuilder common = new StringBuilder(CacheFolder.generator()).append('\n').append(site.fingerprint()).append('\n');
        new TreeMap<>(labels).forEach((locale, strings) -> common.append(locale).append('=')
                .append(new TreeMap<>(strings)).append('\n'));
        // Bodies read image files for their width and height: an image changed in place changes them.
        site.resources().stream().filter(r -> isImage(r.source())).sorted(java.util.Comparator.comparing(Resource::source))
                .forEach(r -> common.append(r.source()).append(':').append(crc(r.path())).append('\n'));
        // Hashed once: with every image listed it can be long, and each page's key would hash it again.
        return new BodyCache(folder, hash(common.toString()));
    }

    /** The key of one page's body. */
    String key(Page page) {
        // Each part on its own (with its length, so parts cannot run into each other): one long text joined first
        // would copy every page's Markdown once more, a tenth of what an edit build allocates.
        HashStream128 hash = CacheFolder.hash();
        for (String part : new String[] {common, page.locale(), page.id(), page.source(), page.url(),
                page.contentLocale(), page.kind().name(), page.type(), String.valueOf(page.bodyLine()), page.markdown()}) {
            CacheFolder.add(hash, String.valueOf(part));
        }
        return CacheFolder.key(hash);
    }

    /** The body of {@code page} kept under {@code key}, or null. */
    SiteBuilder.CachedBody get(String key, Page page) {
        byte[] bytes = entries.read(key);
        if (bytes == null) {
            return null;
        }
        try {
            Entry entry = FORMAT.readValue(bytes, Entry.class);
            if (!key.equals(entry.key()) || entry.html() == null) {
                return null;
            }
            return new SiteBuilder.CachedBody(expand(entry.html(), page), List.copyOf(entry.problems()));
        } catch (IOException | RuntimeException e) {
            return null; // unreadable: processed again, and rewritten
        }
    }

    /** Keeps the body of {@code page}; a failure to write only costs the next build the work. */
    void put(String key, Page page, SiteBuilder.CachedBody body) {
        try {
            entries.write(key, FORMAT.writeValueAsBytes(new Entry(key, shrink(body.html(), page), body.problems())));
        } catch (IOException | RuntimeException e) {
            // Best effort: the cache is an optimisation.
        }
    }

    /** Removes the entries this build did not ask for (deleted pages, old versions of edited ones). */
    void removeUnused() {
        entries.removeUnused();
    }

    /**
     * Leaves out what the entry would hold twice: a page's intro is its whole body unless it is a FAQ, and its
     * Markdown is usually the text of the page as it is (no shortcodes).
     */
    static ProcessedHtml shrink(ProcessedHtml html, Page page) {
        MarkdownText.Source source = html.markdown();
        if (source != null && source.text().equals(page.markdown())) {
            source = new MarkdownText.Source(null, source.destinations(), source.html());
        }
        return new ProcessedHtml(html.html(), html.introHtml().equals(html.html()) ? null : html.introHtml(),
                html.faq(), html.toc(), html.sections(), html.links(), html.anchors(), html.excerpt(), source);
    }

    static ProcessedHtml expand(ProcessedHtml html, Page page) {
        MarkdownText.Source source = html.markdown();
        if (source != null && source.text() == null) {
            source = new MarkdownText.Source(page.markdown(), source.destinations(), source.html());
        }
        return new ProcessedHtml(html.html(), html.introHtml() == null ? html.html() : html.introHtml(),
                html.faq(), html.toc(), html.sections(), html.links(), html.anchors(), html.excerpt(), source);
    }

    private static boolean isImage(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".png") || p.endsWith(".jpg") || p.endsWith(".jpeg") || p.endsWith(".gif")
                || p.endsWith(".webp") || p.endsWith(".svg") || p.endsWith(".bmp");
    }

    private static long crc(Path file) {
        try {
            return CacheFolder.crc(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String hash(String text) {
        HashStream128 hash = CacheFolder.hash();
        CacheFolder.add(hash, text);
        return CacheFolder.key(hash);
    }
}
