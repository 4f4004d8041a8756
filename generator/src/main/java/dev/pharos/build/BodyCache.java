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
import dev.pharos.markdown.MarkdownText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;

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
    private static final ObjectMapper FORMAT = SmileMapper.builder()
            .addModule(new SimpleModule().addAbstractTypeMapping(Set.class, LinkedHashSet.class))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static volatile String generator;

    private record Entry(String key, ProcessedHtml html, List<Problem> problems) {
    }

    private final Path folder;
    private final String common;
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    private BodyCache(Path folder, String common) {
        this.folder = folder;
        this.common = common;
    }

    /** The cache in {@code folder} for a build of {@code site}; the folder is created on first write. */
    static BodyCache open(Path folder, Site site, Map<String, ? extends Map<String, String>> labels) {
        StringBuilder common = new StringBuilder(generator()).append('\n').append(site.fingerprint()).append('\n');
        new TreeMap<>(labels).forEach((locale, strings) -> common.append(locale).append('=')
                .append(new TreeMap<>(strings)).append('\n'));
        // Bodies read image files for their width and height: an image changed in place changes them.
        site.resources().stream().filter(r -> isImage(r.source())).sorted(java.util.Comparator.comparing(Resource::source))
                .forEach(r -> common.append(r.source()).append(':').append(crc(r.path())).append('\n'));
        return new BodyCache(folder, common.toString());
    }

    /** The key of one page's body. */
    String key(Page page) {
        return sha256(common + page.locale() + '\u0000' + page.id() + '\u0000' + page.source() + '\u0000' + page.url()
                + '\u0000' + page.contentLocale() + '\u0000' + page.kind() + '\u0000' + page.type() + '\u0000'
                + page.bodyLine() + '\u0000' + page.markdown());
    }

    /** The body of {@code page} kept under {@code key}, or null. */
    SiteBuilder.CachedBody get(String key, Page page) {
        used.add(key);
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            Entry entry = FORMAT.readValue(in, Entry.class);
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
        Path file = file(key);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), ".", ".tmp");
            try {
                FORMAT.writeValue(temporary.toFile(), new Entry(key, shrink(body.html(), page), body.problems()));
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | RuntimeException e) {
            // Best effort: the cache is an optimisation.
        }
    }

    /** Removes the entries this build did not ask for (deleted pages, old versions of edited ones). */
    void removeUnused() {
        Path bodies = folder.resolve("bodies");
        if (!Files.isDirectory(bodies)) {
            return;
        }
        try (Stream<Path> files = Files.walk(bodies)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".smile") || !used.contains(name.substring(0, name.length() - 6))) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Best effort, as above.
        }
    }

    /**
     * Leaves out what the entry would hold twice: a page's intro is its whole body unless it is a FAQ, and its
     * Markdown is usually the text of the page as it is (no shortcodes).
     */
    private static ProcessedHtml shrink(ProcessedHtml html, Page page) {
        MarkdownText.Source source = html.markdown();
        if (source != null && source.text().equals(page.markdown())) {
            source = new MarkdownText.Source(null, source.destinations(), source.html());
        }
        return new ProcessedHtml(html.html(), html.introHtml().equals(html.html()) ? null : html.introHtml(),
                html.faq(), html.toc(), html.sections(), html.links(), html.anchors(), html.excerpt(), source);
    }

    private static ProcessedHtml expand(ProcessedHtml html, Page page) {
        MarkdownText.Source source = html.markdown();
        if (source != null && source.text() == null) {
            source = new MarkdownText.Source(page.markdown(), source.destinations(), source.html());
        }
        return new ProcessedHtml(html.html(), html.introHtml() == null ? html.html() : html.introHtml(),
                html.faq(), html.toc(), html.sections(), html.links(), html.anchors(), html.excerpt(), source);
    }

    private Path file(String key) {
        return folder.resolve("bodies").resolve(key.substring(0, 2)).resolve(key + ".smile");
    }

    private static boolean isImage(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".png") || p.endsWith(".jpg") || p.endsWith(".jpeg") || p.endsWith(".gif")
                || p.endsWith(".webp") || p.endsWith(".svg") || p.endsWith(".bmp");
    }

    private static long crc(Path file) {
        try {
            CRC32 crc = new CRC32();
            crc.update(Files.readAllBytes(file));
            return crc.getValue();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * This Pharos: the CRC of its jar, or of the classes and resources of a build folder (tests). A new Pharos may
     * render the same Markdown differently, so it starts a new cache.
     */
    private static String generator() {
        String known = generator;
        if (known != null) {
            return known;
        }
        String id;
        try {
            Path code = Path.of(BodyCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            CRC32 crc = new CRC32();
            if (Files.isRegularFile(code)) {
                crc.update(Files.readAllBytes(code));
            } else {
                try (Stream<Path> files = Files.walk(code)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        crc.update(code.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                        crc.update(Files.readAllBytes(f));
                    }
                }
            }
            id = Long.toHexString(crc.getValue());
        } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
            id = "unknown-" + System.nanoTime(); // never matches: no reuse when Pharos cannot tell what it is
        }
        generator = id;
        return id;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
