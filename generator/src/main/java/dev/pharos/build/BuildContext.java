package dev.pharos.build;

import dev.pharos.BuildOptions;
import dev.pharos.PharosException;
import dev.pharos.Problem;
import dev.pharos.content.LocaleInfo;
import dev.pharos.content.Page;
import dev.pharos.content.Site;
import dev.pharos.html.ProcessedHtml;
import dev.pharos.render.TemplateRenderer;
import dev.pharos.render.Theme;
import dev.pharos.render.UiStrings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** What one build shares between its stages: the site, the theme, rendered article bodies and the output. */
public final class BuildContext {

    /**
     * Pages Pharos generates at {@code /<locale>/<id>/}. A Markdown page with one of these ids (a migrated Hugo
     * site's {@code search.md}) is not rendered on its own: its title and text go into the generated page.
     */
    public static final java.util.Set<String> GENERATED_IDS = java.util.Set.of("search", "contact", "verify");

    private final BuildOptions options;
    private final Site site;
    private final Theme theme;
    private final TemplateRenderer renderer;
    private final Map<String, UiStrings> strings;
    private final SiteOutput output;
    private final Bodies bodies;
    private final PageModels models;
    private final List<Problem> problems;
    private final List<BuildStage> stages;
    private final List<GeneratedPage> generated = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    /** A page Pharos generated rather than rendered from Markdown (search, contact, verify, notfound). */
    public record GeneratedPage(String kind, String locale, String url) {
    }
    private final RenderCache renders;
    private final PageCache pages;
    private final List<Runnable> deferred = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    BuildContext(BuildOptions options, Site site, Theme theme, TemplateRenderer renderer, Map<String, UiStrings> strings,
            SiteOutput output, Bodies bodies, List<Problem> problems, List<BuildStage> stages,
            RenderCache renders, PageCache pages) {
        this.renders = renders;
        this.pages = pages;
        this.options = options;
        this.site = site;
        this.theme = theme;
        this.renderer = renderer;
        this.strings = strings;
        this.output = output;
        this.bodies = bodies;
        this.problems = problems;
        this.stages = stages;
        this.models = new PageModels(this);
    }

    public BuildOptions options() {
        return options;
    }

    public Site site() {
        return site;
    }

    public Theme theme() {
        return theme;
    }

    public SiteOutput output() {
        return output;
    }

    public UiStrings strings(String locale) {
        return strings.get(locale);
    }

    /** The rendered body of a content page (every page with Markdown has one). */
    public Optional<ProcessedHtml> processed(Page page) {
        return bodies.get(page);
    }

    /** The excerpt of a page's body (its first words), or empty for a page without one. */
    public String excerpt(Page page) {
        return bodies.excerpt(page);
    }

    /** The pages that have a body: on a large site each {@link #processed} reads one back from disk. */
    public Set<Page> processedPages() {
        return bodies.pages();
    }

    public PageModels models() {
        return models;
    }

    /** Reports a warning or error; errors fail the build after the current stage. */
    public void report(Problem problem) {
        problems.add(problem);
    }

    /** True for a content page whose URL belongs to a generated page (see {@link #GENERATED_IDS}). */
    public static boolean isClaimed(Page page) {
        return page.kind() == dev.pharos.content.PageKind.ARTICLE && GENERATED_IDS.contains(page.id());
    }

    List<BuildStage> stages() {
        return stages;
    }

    /**
     * True in the preview, whose rebuilds update the site in place: work that the reloaded page does not need (the
     * search index) can then be {@linkplain #defer deferred} until just after the reload.
     */
    public boolean previewing() {
        return renders != null;
    }

    /** The preview's memory of earlier builds, or null in a build. */
    RenderCache renders() {
        return renders;
    }

    /**
     * Tells the build cache that {@code text} was made from {@code body} alone ({@code part} says how), so that a
     * page's key names the body instead of hashing the text. No effect without the cache.
     */
    void vouchDerived(String text, ProcessedHtml body, String part) {
        if (pages != null) {
            pages.vouchDerived(text, body.html(), part);
        }
    }

    /** Runs {@code job} after this build has committed and open pages were told to reload (preview only). */
    public void defer(Runnable job) {
        deferred.add(job);
    }

    List<Runnable> deferred() {
        return List.copyOf(deferred);
    }

    public List<LocaleInfo> locales() {
        return site.config().locales();
    }

    /** The site path without the base path ({@code /help/en/x/} becomes {@code en/x/}), for output files. */
    public String outputPath(String url) {
        String base = site.config().basePath();
        String path = url.startsWith(base) ? url.substring(base.length()) : url.replaceFirst("^/", "");
        if (path.isEmpty() || path.endsWith("/")) {
            return path + "index.html";
        }
        return path;
    }

    /**
     * Renders a template with the common variables of a locale (site, lang, nav, translations) plus {@code extra},
     * and writes it.
     *
     * @param url the page's site path; {@code index.html} is added to paths ending in {@code /}
     */
    public void renderPage(String template, String locale, Views.PageView page, Map<String, Object> extra, String url)
            throws PharosException {
        Map<String, Object> model = models.common(locale, page, null);
        model.putAll(extra);
        for (BuildStage stage : stages) {
            stage.decorate(this, null, locale, model);
        }
        write(template, locale, model, outputPath(url), page.kind());
        generated.add(new GeneratedPage(page.kind(), locale, url));
    }

    /** Every page written through {@link #renderPage}, for the sitemap. */
    public List<GeneratedPage> generatedPages() {
        synchronized (generated) {
            return List.copyOf(generated);
        }
    }

    /** Renders a template with a finished model and writes it at an output path. */
    public void write(String template, String locale, Map<String, Object> model, String outputPath, String owner)
            throws PharosException {
        write(template, locale, model, () -> model, outputPath, owner);
    }

    /**
     * As {@link #write(String, String, Map, String, String)}, with the model in two forms: {@code keyModel} names
     * everything the page is made from but may hold {@linkplain #standIn stand-ins} for texts that are costly to
     * make, and {@code model}, which holds those texts, is made only when the page is not kept in the build cache.
     */
    void write(String template, String locale, Map<String, Object> keyModel, Supplier<Map<String, Object>> model,
            String outputPath, String owner) throws PharosException {
        try {
            String key = pageKey(template, locale, keyModel, outputPath);
            if (linkKept(key, outputPath, owner)) {
                return;
            }
            if (key != null) {
                byte[] bytes = render(template, locale, model.get()).getBytes(StandardCharsets.UTF_8);
                Path entry = pages.put(key, bytes);
                if (entry != null) {
                    output.link(outputPath, entry, bytes, owner);
                } else {
                    output.write(outputPath, bytes, owner);
                }
                return;
            }
            Map<String, Object> finished = model.get();
            String html = renders == null ? null : renders.get(outputPath, template, locale, theme.fingerprint(), finished);
            if (html == null) {
                html = render(template, locale, finished);
                if (renders != null) {
                    renders.put(outputPath, template, locale, theme.fingerprint(), finished, html);
                }
            }
            output.write(outputPath, html, owner);
        } catch (TemplateRenderer.RenderException e) {
            throw new PharosException(e.problem(), e);
        }
    }

    /** The build cache key of a page, or null without the cache or for a model it cannot hash. */
    private String pageKey(String template, String locale, Map<String, Object> keyModel, String outputPath) {
        return pages == null ? null : pages.key(outputPath, template, locale, keyModel);
    }

    /** Puts the page kept under {@code key} into the site; false when there is none (or no key). */
    private boolean linkKept(String key, String outputPath, String owner) throws PharosException {
        Path kept = key == null ? null : pages.get(key);
        if (kept != null) {
            output.link(outputPath, kept, null, owner);
        }
        return kept != null;
    }

    private String render(String template, String locale, Map<String, Object> model)
            throws TemplateRenderer.RenderException {
        return renderer.render(template, model, strings(locale), site.config().basePath(), origin());
    }

    /**
     * A short text to put in a {@code keyModel} where a text made from {@code body} alone ({@code part} says how)
     * goes: it names the body by its build cache key, so a kept page is found without making the text. Null when
     * the key could not name the body: without the build cache, or for a body the cache did not vouch for.
     */
    String standIn(ProcessedHtml body, String part) {
        return pages == null ? null : pages.standIn(body.html(), part);
    }

    /**
     * As {@link #write}, for a file too large to hold ({@code llms-full.txt}): rendered straight into the output.
     */
    void writeLarge(String template, String locale, Map<String, Object> model, String outputPath, String owner)
            throws PharosException {
        output.write(outputPath, owner, out -> {
            try {
                renderer.render(template, model, strings(locale), site.config().basePath(), origin(), out);
            } catch (TemplateRenderer.RenderException e) {
                throw new PharosException(e.problem(), e);
            }
        });
    }

    /**
     * As {@link #writeLarge(String, String, Map, String, String)}, kept in the build cache under the key of
     * {@code keyModel} (see {@link #write(String, String, Map, Supplier, String, String)}): a kept file is linked,
     * and the model is rendered only when there is none.
     */
    void writeLarge(String template, String locale, Map<String, Object> keyModel, Supplier<Map<String, Object>> model,
            String outputPath, String owner) throws PharosException {
        String key = pageKey(template, locale, keyModel, outputPath);
        if (linkKept(key, outputPath, owner)) {
            return;
        }
        writeLarge(template, locale, model.get(), outputPath, owner);
        if (key != null) {
            pages.adopt(key, output.staging().resolve(outputPath));
        }
    }

    /** Whether this build keeps rendered pages in the build cache (then {@link #standIn} names bodies). */
    boolean keepsPages() {
        return pages != null;
    }

    /** As {@link #writeLarge}, in the preview after its commit ({@link #defer}): see {@link SiteOutput#replaceNow}. */
    void writeLargeInPlace(String template, String locale, Map<String, Object> model, String outputPath) {
        try {
            output.replaceNow(outputPath, out -> {
                try {
                    renderer.render(template, model, strings(locale), site.config().basePath(), origin(), out);
                } catch (TemplateRenderer.RenderException e) {
                    throw new PharosException(e.problem(), e);
                }
            });
        } catch (IOException | PharosException e) {
            throw new IllegalStateException("cannot write " + outputPath + ": " + e.getMessage(), e);
        }
    }

    public TemplateRenderer renderer() {
        return renderer;
    }

    /** {@code https://help.example.com} from the base URL, or empty. */
    public String origin() {
        String baseUrl = site.config().baseUrl();
        if (baseUrl.isEmpty()) {
            return "";
        }
        return baseUrl.substring(0, baseUrl.length() - site.config().basePath().length());
    }
}
