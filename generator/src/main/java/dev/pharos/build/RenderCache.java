package dev.pharos.build;

import dev.pharos.content.ContentLoader;
import dev.pharos.html.ProcessedHtml;
import dev.pharos.render.TemplateRenderer;
import dev.pharos.render.Theme;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pages rendered by earlier builds, kept by the dev server between rebuilds: a page whose template, locale and
 * model are equal to last time is not rendered again. Models are records, lists, maps and strings, so equality is
 * structural and a one-article edit re-renders only the pages that show something of it (the article, its section
 * listing, neighbours showing its title).
 *
 * <p>Valid only while the theme and config stay the same (templates and UI strings are not part of the key):
 * whoever keeps it calls {@link #clear()} when anything but Markdown changes. Thread-safe.
 */
public final class RenderCache {

    private record Entry(String template, String locale, String assets, Map<String, Object> model, String html) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Twin> twins = new ConcurrentHashMap<>();

    /** A page's Markdown for readers, made from this very body (unchanged bodies are the same objects in a preview). */
    private record Twin(ProcessedHtml body, String text) {
    }
    private final ContentLoader.ReadCache reads = new ContentLoader.ReadCache();
    /** What the site folder holds after the last commit, by path: its text, bytes or source file. */
    private final Map<String, Object> written = new ConcurrentHashMap<>();
    private TemplateRenderer renderer;
    private List<java.nio.file.Path> rendererLayers;
    private final java.util.concurrent.atomic.AtomicInteger rendered = new java.util.concurrent.atomic.AtomicInteger();

    /** The HTML rendered last time for the same output path and inputs, or null. */
    String get(String outputPath, String template, String locale, String assets, Map<String, Object> model) {
        Entry e = entries.get(outputPath);
        if (e != null && e.template().equals(template) && e.locale().equals(locale) && e.assets().equals(assets)
                && e.model().equals(model)) {
            return e.html();
        }
        rendered.incrementAndGet();
        return null;
    }

    void put(String outputPath, String template, String locale, String assets, Map<String, Object> model, String html) {
        entries.put(outputPath, new Entry(template, locale, assets, Objects.requireNonNull(model), html));
    }

    /**
     * The Markdown twin text of the page at {@code url}: the last one made when its body is the same object as then
     * (a preview keeps unchanged bodies, and with them the links they resolved), else made now. The text is the
     * same String as last time, so comparing the twin's model with the last one costs nothing.
     */
    String twin(String url, ProcessedHtml body, java.util.function.Supplier<String> make) {
        Twin known = twins.get(url);
        if (known != null && known.body() == body) {
            return known.text();
        }
        String text = make.get();
        twins.put(url, new Twin(body, text));
        return text;
    }

    /**
     * The template renderer of the previous build when the theme has the same folders: its compiled templates are
     * reused, so a rebuild compiles only what it has not rendered before.
     */
    synchronized TemplateRenderer renderer(Theme theme) {
        if (renderer == null || !theme.layers().equals(rendererLayers)) {
            renderer = new TemplateRenderer(theme);
            rendererLayers = theme.layers();
        }
        return renderer;
    }

    /** Forgets every page and compiled template; the next build renders them all. */
    public synchronized void clear() {
        entries.clear();
        twins.clear();
        renderer = null;
        written.clear();
    }

    /** The Markdown files read by earlier builds, so that a rebuild reads and parses only the changed ones. */
    ContentLoader.ReadCache reads() {
        return reads;
    }

    /** What the site folder held after the last build, so that a rebuild writes only what changed. */
    Map<String, Object> written() {
        return written;
    }

    /** How many pages had to be rendered since the last call (for the dev server's log), and resets the count. */
    public int takeRenderedCount() {
        return rendered.getAndSet(0);
    }
}
